/* Identifiers written in UTF-8, as gcc (10 and later) and clang take them: letters of any script. */
#include <stdint.h>

typedef enum { ROT, GRÜN = 3, BLAU } Farbe;
enum Zustand { AUS, AN = 1000 };

struct Größe {
    unsigned short höhe;
    int breite : 12, tiefe : 7;
    Farbe farbe;
    enum Zustand zustand;
    union { float gewicht; uint32_t roh; };
    struct Inhalt { char name[3]; double maß; } inhalt;
    int64_t ñ[2];
    unsigned char 温度;
    _Bool ist_gültig;
    uint8_t Δt : 3;
};

typedef struct Größe Größe_t;

struct Κύκλος {
    Größe_t größe;
    float π, ρ;
};
