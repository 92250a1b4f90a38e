/*
 * GNU C: a struct that ends in a flexible array member, held before other members (gcc and clang
 * accept it; clang names it -Wgnu-variable-sized-type-not-at-end). There the array has no
 * elements: what follows sits at the struct's sizeof. glibc's struct cmessage holds a struct
 * cmsghdr so, for a control message with its payload after it.
 */
struct fam_head {
    unsigned short len;
    char kind;
    double data[];
};

struct fam_holder {
    struct fam_head head;
    int after;
    char more;
};

/* A flexible array at the end of the last member: a struct hack in turn. */
struct fam_nested {
    char a;
    struct fam_head h;
};

struct fam_nested_holder {
    struct fam_nested n;
    short after;
    struct fam_head tail;
};

typedef struct fam_head fam_head_t;

struct cmsg_like {
    fam_head_t hdr;
    unsigned int payload[2];
};
