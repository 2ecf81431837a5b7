#pragma once
// vankien: full-text search for Vietnamese Party documents. Include this for
// the whole public API, or the one header you need.

#include "vankien/analyzer.hpp"
#include "vankien/text.hpp"
#include "vankien/version.hpp"
