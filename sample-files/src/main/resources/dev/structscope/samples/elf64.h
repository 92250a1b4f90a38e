/* A whole 64-bit ELF file, the <elf.h> way: the file header at 0 says where the program header
 * table and the section header table are and how many entries each holds; ElfFile places both
 * tables there. hello.elf is a small x86-64 program built by gcc (scripts/make_elf.sh); /usr/bin/ls
 * and libc.so.6 decode the same way. Decode: --type ElfFile (an object file has no program
 * headers: e_phnum is 0). */
#include <stdint.h>

#define EI_NIDENT 16

typedef uint16_t Elf64_Half;
typedef uint32_t Elf64_Word;
typedef uint64_t Elf64_Xword;
typedef uint64_t Elf64_Addr;
typedef uint64_t Elf64_Off;

typedef struct {
    unsigned char e_ident[EI_NIDENT]; /* 0x7f 'E' 'L' 'F', class 2 (64-bit), data 1 (little-endian), ... */
    Elf64_Half e_type;                /* 1 relocatable, 2 executable, 3 shared object or PIE */
    Elf64_Half e_machine;             /* 62 = x86-64 */
    Elf64_Word e_version;
    Elf64_Addr e_entry;
    Elf64_Off e_phoff;                /* where the program header table starts */
    Elf64_Off e_shoff;                /* where the section header table starts */
    Elf64_Word e_flags;
    Elf64_Half e_ehsize;
    Elf64_Half e_phentsize;
    Elf64_Half e_phnum;
    Elf64_Half e_shentsize;
    Elf64_Half e_shnum;
    Elf64_Half e_shstrndx;
} Elf64_Ehdr;

typedef struct {
    Elf64_Word p_type;                /* 1 LOAD, 2 DYNAMIC, 3 INTERP, 4 NOTE, 6 PHDR, 0x6474e55x GNU_* */
    Elf64_Word p_flags;               /* 4 R, 2 W, 1 X */
    Elf64_Off p_offset;
    Elf64_Addr p_vaddr;
    Elf64_Addr p_paddr;
    Elf64_Xword p_filesz;
    Elf64_Xword p_memsz;
    Elf64_Xword p_align;
} Elf64_Phdr;

typedef struct {
    Elf64_Word sh_name;               /* offset of the name in the section name string table */
    Elf64_Word sh_type;               /* 1 PROGBITS, 2 SYMTAB, 3 STRTAB, 4 RELA, 8 NOBITS, ... */
    Elf64_Xword sh_flags;             /* 1 WRITE, 2 ALLOC, 4 EXECINSTR, ... */
    Elf64_Addr sh_addr;
    Elf64_Off sh_offset;
    Elf64_Xword sh_size;
    Elf64_Word sh_link;
    Elf64_Word sh_info;
    Elf64_Xword sh_addralign;
    Elf64_Xword sh_entsize;
} Elf64_Shdr;

typedef struct {
    Elf64_Ehdr ehdr;
    [[structscope::at(ehdr.e_phoff)]] Elf64_Phdr ph[ehdr.e_phnum];
    [[structscope::at(ehdr.e_shoff)]] Elf64_Shdr sh[ehdr.e_shnum];
} ElfFile;
