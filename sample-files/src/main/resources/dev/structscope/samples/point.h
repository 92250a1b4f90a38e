/* The classic ctypes example: class POINT(Structure): _fields_ = [("x", c_int), ("y", c_int)].
 * point.bin holds three of them, written with f.write(p) by scripts/make_samples.py. */
struct POINT {
    int x;
    int y;
};
