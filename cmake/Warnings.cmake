# Warnings as errors on project code only (third-party headers are included as system headers).
add_library(hopper_warnings INTERFACE)
target_compile_options(hopper_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Werror
  -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual -Wnull-dereference
  -Wimplicit-fallthrough -Wformat=2 -Wno-missing-field-initializers)
