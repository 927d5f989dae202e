// Not a module of its own: a boundary, so that the Go tooling of tools/embedded-db does not take
// these patched FerretDB files for packages of the launcher. See ../README.md.
module ferretdb-patches

go 1.24
