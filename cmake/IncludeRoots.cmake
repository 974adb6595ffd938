# pt_include_root(<target> PRIVATE|PUBLIC <folder>...): the layer rule, enforced by the
# compiler. <target> gets one include root of its own, <build>/include-roots/<target>,
# holding a symbolic link for each listed source folder ("dispatcher/net" ->
# <source>/dispatcher/net, "shared" -> <source>/shared) and nothing else. Includes are
# written from the top ("dispatcher/core/Config.h"); a quoted include first looks
# beside the including file (dispatcher/net/dispatcher/core/... does not exist), then
# in the include roots, so a folder that is not listed is "No such file or directory".
# Links left by an earlier configure and no longer listed are removed. Symbolic links
# need a build host that has them: Linux and macOS, and Linux for the MinGW cross build.
function(pt_include_root target scope)
  set(root ${PROJECT_BINARY_DIR}/include-roots/${target})
  file(GLOB links LIST_DIRECTORIES true ${root}/* ${root}/dispatcher/*)
  foreach(link ${links})
    file(RELATIVE_PATH folder ${root} ${link})
    if(IS_SYMLINK ${link} AND NOT folder IN_LIST ARGN)
      file(REMOVE ${link})
    endif()
  endforeach()
  foreach(folder ${ARGN})
    get_filename_component(parent ${root}/${folder} DIRECTORY)
    file(MAKE_DIRECTORY ${parent})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${root}/${folder} SYMBOLIC)
  endforeach()
  target_include_directories(${target} ${scope} ${root})
endfunction()
