package dev.structscope.io.bytemap;

/**
 * A map of a range of bytes cut into equal blocks (the last one shorter when the range does not
 * divide evenly): per block, how many bytes fall in each {@link ByteClass} and the Shannon
 * entropy of its bytes in bits per byte (0..8). Made by {@link ByteScan#map}; immutable (the
 * arrays are never handed out: their accessors return copies), so the worker that made it can
 * publish it to any thread.
 *
 * @param offset    where the mapped range starts in the source
 * @param length    bytes in the mapped range
 * @param blockSize bytes per block (the last block may have fewer)
 * @param entropy   per block, its entropy
 * @param counts    per block, its bytes of each class ({@code counts[block * classes + class]})
 */
public record ByteMap(long offset, long length, long blockSize, double[] entropy, long[] counts) {
    private static final int CLASSES = ByteClass.values().length;

    public ByteMap {
        if (counts.length != entropy.length * CLASSES) {
            throw new IllegalArgumentException(counts.length + " counts for " + entropy.length + " blocks");
        }
    }

    /** A copy of the blocks' entropies ({@link #entropy(int)} reads one without copying). */
    @Override
    public double[] entropy() {
        return entropy.clone();
    }

    /** A copy of the class counts ({@link #count(int, ByteClass)} reads one without copying). */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    public int blocks() {
        return entropy.length;
    }

    /** Source offset of block {@code i}'s first byte. */
    public long blockOffset(int i) {
        return offset + i * blockSize;
    }

    /** Bytes in block {@code i}. */
    public long blockLength(int i) {
        return Math.min(blockSize, length - i * blockSize);
    }

    /** Shannon entropy of block {@code i}, bits per byte, 0..8. */
    public double entropy(int i) {
        return entropy[i];
    }

    /** Bytes of class {@code c} in block {@code i}. */
    public long count(int i, ByteClass c) {
        return counts[i * CLASSES + c.ordinal()];
    }

    /** Share of block {@code i}'s bytes in class {@code c}, 0..1. */
    public double fraction(int i, ByteClass c) {
        long n = blockLength(i);
        return n == 0 ? 0 : (double) count(i, c) / n;
    }

    /** The class most of block {@code i}'s bytes are in (the first in declaration order on a tie). */
    public ByteClass dominant(int i) {
        ByteClass best = ByteClass.ZERO;
        for (ByteClass c : ByteClass.values()) {
            if (count(i, c) > count(i, best)) {
                best = c;
            }
        }
        return best;
    }

    /** The block holding source offset {@code at}, clamped into {@code [0, blocks())}; -1 when there are none. */
    public int blockAt(long at) {
        if (blocks() == 0) {
            return -1;
        }
        long i = Math.floorDiv(at - offset, blockSize);
        return (int) Math.max(0, Math.min(blocks() - 1, i));
    }
}
