/* A whole 32-bit ELF file (i386 and other 32-bit targets), the <elf.h> way: the file header at 0
 * says where the program and section header tables are and how many entries each holds.
 * hello32.o is an i386 object built by gcc -m32 -c (scripts/make_elf.sh); an object file has no
 * program headers (e_phnum is 0). Decode: --type Elf32File. */
#include <stdint.h>

#define EI_NIDENT 16

typedef uint16_t Elf32_Half;
typedef uint32_t Elf32_Word;
typedef uint32_t Elf32_Addr;
typedef uint32_t Elf32_Off;

typedef struct {
    unsigned char e_ident[EI_NIDENT]; /* 0x7f 'E' 'L' 'F', class 1 (32-bit), data 1 (little-endian), ... */
    Elf32_Half e_type;                /* 1 relocatable, 2 executable, 3 shared object or PIE */
    Elf32_Half e_machine;             /* 3 = i386 */
    Elf32_Word e_version;
    Elf32_Addr e_entry;
    Elf32_Off e_phoff;
    Elf32_Off e_shoff;
    Elf32_Word e_flags;
    Elf32_Half e_ehsize;
    Elf32_Half e_phentsize;
    Elf32_Half e_phnum;
    Elf32_Half e_shentsize;
    Elf32_Half e_shnum;
    Elf32_Half e_shstrndx;
} Elf32_Ehdr;

/* Not the order of Elf64_Phdr: in the 32-bit table p_flags comes after p_memsz. */
typedef struct {
    Elf32_Word p_type;
    Elf32_Off p_offset;
    Elf32_Addr p_vaddr;
    Elf32_Addr p_paddr;
    Elf32_Word p_filesz;
    Elf32_Word p_memsz;
    Elf32_Word p_flags;
    Elf32_Word p_align;
} Elf32_Phdr;

typedef struct {
    Elf32_Word sh_name;
    Elf32_Word sh_type;
    Elf32_Word sh_flags;
    Elf32_Addr sh_addr;
    Elf32_Off sh_offset;
    Elf32_Word sh_size;
    Elf32_Word sh_link;
    Elf32_Word sh_info;
    Elf32_Word sh_addralign;
    Elf32_Word sh_entsize;
} Elf32_Shdr;

typedef struct {
    Elf32_Ehdr ehdr;
    [[structscope::at(ehdr.e_phoff)]] Elf32_Phdr ph[ehdr.e_phnum];
    [[structscope::at(ehdr.e_shoff)]] Elf32_Shdr sh[ehdr.e_shnum];
} Elf32File;
