# Fails unless directory DIR holds exactly the files named in EXPECTED (a ;-list of names).
file(GLOB found RELATIVE ${DIR} ${DIR}/*)
list(SORT found)
set(expected ${EXPECTED})
list(SORT expected)
if(NOT found STREQUAL expected)
  message(FATAL_ERROR "${DIR} holds [${found}], expected [${expected}]")
endif()
