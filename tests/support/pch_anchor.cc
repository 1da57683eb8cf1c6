// The precompiled header of the test binaries is built with this file (tests/CMakeLists.txt).
