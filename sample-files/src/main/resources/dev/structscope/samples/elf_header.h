/* The ELF file header with <elf.h>-style types. hello.elf is a small stripped x86-64 program. */
#include <stdint.h>

#define EI_NIDENT 16

typedef uint16_t Elf64_Half;
typedef uint32_t Elf64_Word;
typedef uint64_t Elf64_Addr;
typedef uint64_t Elf64_Off;

typedef struct {
    unsigned char e_ident[EI_NIDENT]; /* 0x7f 'E' 'L' 'F', class, data, version, OS ABI, ... */
    Elf64_Half e_type;                /* 2 = executable, 3 = shared object (PIE) */
    Elf64_Half e_machine;             /* 62 = x86-64 */
    Elf64_Word e_version;
    Elf64_Addr e_entry;
    Elf64_Off e_phoff;
    Elf64_Off e_shoff;
    Elf64_Word e_flags;
    Elf64_Half e_ehsize;
    Elf64_Half e_phentsize;
    Elf64_Half e_phnum;
    Elf64_Half e_shentsize;
    Elf64_Half e_shnum;
    Elf64_Half e_shstrndx;
} Elf64_Ehdr;
