# unit/layers: the layer rule (dispatcher/CMakeLists.txt, cmake/IncludeRoots.cmake) is
# enforced by the compiler. Each case compiles a file holding one #include with the
# include directories a layer's own sources are built with: a header the layer may use
# must compile, one of a layer it may not use must fail as not found (and for no other
# reason).
#   cmake -DCXX=<compiler> -DFLAGS_DIR=<dir of <target>.includes> -DWORK=<dir> -P layers.cmake
set(cases
  "ptnet|dispatcher/base/HostPort.h|ok"
  "ptnet|dispatcher/core/Config.h|missing"
  "ptnet|dispatcher/core/IpcWriter.h|missing"
  "ptplatform|dispatcher/net/StreamSocket.h|missing"
  "pttransports|dispatcher/net/Contexts.h|missing"
  "pttransports|dispatcher/platform/Socket.h|missing"
  "ptprotocols|dispatcher/transports/Transport.h|missing"
  "ptprotocols|shared/ipc/IpcMessage.h|missing"
  "ptcrypto|dispatcher/protocols/Tls.h|missing"
  "ptbase|dispatcher/crypto/Aead.h|missing"
  "ptshared|dispatcher/base/HostPort.h|missing")

file(MAKE_DIRECTORY ${WORK})
set(failures 0)
set(n 0)
foreach(case ${cases})
  string(REPLACE "|" ";" case "${case}")
  list(GET case 0 target)
  list(GET case 1 header)
  list(GET case 2 expect)
  math(EXPR n "${n} + 1")
  set(src ${WORK}/case${n}.cpp)
  file(WRITE ${src} "#include \"${header}\"\n")
  file(STRINGS ${FLAGS_DIR}/${target}.includes dirs)
  list(TRANSFORM dirs PREPEND -I)
  execute_process(COMMAND ${CXX} -std=c++17 -fPIC ${dirs} -fsyntax-only ${src}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  string(REPLACE "." "\\." pattern "${header}")
  # gcc: "H: No such file or directory"; clang: "'H' file not found".
  if(expect STREQUAL "ok" AND rc EQUAL 0)
    message(STATUS "ok: ${target} includes ${header}")
  elseif(expect STREQUAL "missing" AND NOT rc EQUAL 0
         AND out MATCHES "${pattern}'?: No such file or directory|'${pattern}' file not found")
    message(STATUS "ok: ${target} cannot include ${header}")
  else()
    message(SEND_ERROR "${target} including ${header}: expected ${expect}, compiler exit ${rc}:\n${out}")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()
if(failures GREATER 0)
  message(FATAL_ERROR "${failures} of ${n} cases failed")
endif()
