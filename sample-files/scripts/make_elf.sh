#!/bin/sh
# Builds the ELF samples: hello.elf, a small stripped x86-64 Linux executable (its first 64 bytes
# are the Elf64_Ehdr of elf_header.h; elf64.h decodes it whole), and hello32.o, an i386 object
# (gcc -m32 -c; elf32.h decodes it whole). Rerun: sh sample-files/scripts/make_elf.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/main/resources/dev/structscope/samples"
tmp=$(mktemp -d)
printf 'int main(void) { return 42; }\n' > "$tmp/hello.c"
gcc -Os -s -o "$out/hello.elf" "$tmp/hello.c"
printf 'int counter = 7;\nconst char greeting[] = "hello";\nint next(int x) { return x + counter; }\n' > "$tmp/hello32.c"
gcc -m32 -Os -c -o "$out/hello32.o" "$tmp/hello32.c"
rm -rf "$tmp"
echo "wrote $out/hello.elf and $out/hello32.o"
