# Warnings for vankien's own targets only; dependencies' headers are included as
# SYSTEM so their warnings never fail our build.
function(vankien_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                         -Wconversion -Wno-sign-conversion)
  if(VANKIEN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
