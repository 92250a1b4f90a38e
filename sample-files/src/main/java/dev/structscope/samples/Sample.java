package dev.structscope.samples;

/**
 * One bundled sample: a data file and the C header that describes it, both class-path resources
 * under {@code /dev/structscope/samples/}. Immutable.
 *
 * @param data        resource name of the data file, e.g. {@code "ticks.bin"}
 * @param header      resource name of the C header, e.g. {@code "ticks.h"}
 * @param type        the struct to decode, as {@code --type} names it
 * @param offset      byte offset of the first record to look at
 * @param byteOrder   {@code "little"} or {@code "big"}
 * @param description what the sample shows, one line
 */
public record Sample(String data, String header, String type, long offset, String byteOrder, String description) {

    /** The class-path resource path of a sample file name. */
    public static String resource(String name) {
        return "/dev/structscope/samples/" + name;
    }
}
