package dev.structscope.model;

/**
 * The bounds every input is held to, so that a hostile or broken header, document or record type
 * ends in an {@link InputException} that names the limit instead of a hang, a StackOverflowError
 * or an OutOfMemoryError. The CLI sets them with {@code --max-header}, {@code --max-depth},
 * {@code --max-members} and {@code --max-elements}; the GUI uses {@link #DEFAULT}. Frame size and
 * capture memory are the socket side's limits ({@code CaptureOptions}: {@code --max-frame},
 * {@code --memory-cap}). Immutable.
 *
 * @param maxInputBytes largest C header file (each file, includes too, and the output of
 *                      {@code --cpp}) or layout document, in bytes
 * @param maxDepth      deepest nesting of types the layout engine follows: records in records,
 *                      arrays of arrays, typedefs of typedefs (at most {@link #DEPTH_CEILING}, a
 *                      bound the thread stacks of the GUI's workers can afford)
 * @param maxMembers    most members one struct or union may declare
 * @param maxElements   most values one decoded record may print (array elements counted one by
 *                      one, nested arrays multiplied): what {@code decode} and {@code capture}
 *                      render as text
 */
public record Limits(long maxInputBytes, int maxDepth, int maxMembers, long maxElements) {
    /** The deepest --max-depth: what a thread of {@link #STACK_BYTES} follows with room to spare. */
    public static final int DEPTH_CEILING = 2048;

    /**
     * The stack of the threads that lay out and decode (the CLI's command thread, the window's
     * task threads): the decoder takes about 2 KiB of stack a level of nesting, so a default
     * 1 MiB stack overflowed near 500 levels, below the ceiling a user may ask for. Reserved, not
     * committed: only the pages a deep input touches cost memory.
     */
    public static final long STACK_BYTES = 64L << 20;

    public static final Limits DEFAULT = new Limits(64L << 20, 256, 100_000, 1L << 20);

    public Limits {
        if (maxInputBytes <= 0) {
            throw new InputException("--max-header", "must be at least 1 byte, was " + maxInputBytes);
        }
        if (maxDepth < 1 || maxDepth > DEPTH_CEILING) {
            throw new InputException("--max-depth", "must be between 1 and " + DEPTH_CEILING + ", was " + maxDepth);
        }
        if (maxMembers < 1) {
            throw new InputException("--max-members", "must be at least 1, was " + maxMembers);
        }
        if (maxElements < 1) {
            throw new InputException("--max-elements", "must be at least 1, was " + maxElements);
        }
    }
}
