#!/bin/sh
# Builds the ELF sample: a small stripped x86-64 Linux executable (its first 64 bytes are the
# Elf64_Ehdr of elf_header.h). Rerun: sh sample-files/scripts/make_elf.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/main/resources/dev/structscope/samples/hello.elf"
tmp=$(mktemp -d)
printf 'int main(void) { return 42; }\n' > "$tmp/hello.c"
gcc -Os -s -o "$out" "$tmp/hello.c"
rm -rf "$tmp"
echo "wrote $out"
