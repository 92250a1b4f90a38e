package dev.structscope.tests.fxio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;

/**
 * The FX-thread I/O detector: installed as the JVM's default file-system provider
 * ({@code -Djava.nio.file.spi.DefaultFileSystemProvider=dev.structscope.tests.fxio.FxIoWatch},
 * only in the test JVM that runs {@code FxThreadIoTest}), it passes every operation to the
 * platform's provider and, while {@link #arm armed}, records each one made on the JavaFX
 * application thread: opening, reading attributes, listing, creating, deleting, moving. What it
 * cannot see: {@code java.io.File} and streams built on it, which bypass java.nio.
 *
 * <p>Loaded by the system class loader when the default file system is first used; any thread.
 */
public final class FxIoWatch extends FileSystemProvider {
    /** One file operation the FX thread made. */
    public record Touch(String operation, String path, StackTraceElement[] stack) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(operation + " " + path);
            for (StackTraceElement e : stack) {
                if (e.getClassName().startsWith("dev.structscope.app")) {
                    sb.append("\n    at ").append(e);
                }
            }
            return sb.toString();
        }
    }

    private static volatile boolean armed;
    private static final ConcurrentLinkedQueue<Touch> TOUCHES = new ConcurrentLinkedQueue<>();
    private static volatile FxIoWatch installed;

    private final FileSystemProvider inner;
    private final WatchedFileSystem fs;

    /** Called by the JDK with its own default provider. */
    public FxIoWatch(FileSystemProvider inner) {
        this.inner = inner;
        this.fs = new WatchedFileSystem(this, inner.getFileSystem(URI.create("file:///")));
        installed = this;
    }

    /** Whether this JVM runs with the detector as its default provider. */
    public static boolean installed() {
        return installed != null && FileSystems.defaultProvider() instanceof FxIoWatch;
    }

    /** Starts recording (and forgets what was recorded before). */
    public static void arm() {
        TOUCHES.clear();
        armed = true;
    }

    /** Stops recording and returns what the FX thread touched since {@link #arm}. */
    public static List<Touch> disarm() {
        armed = false;
        return new ArrayList<>(TOUCHES);
    }

    void saw(String operation, Path path) {
        if (armed && "JavaFX Application Thread".equals(Thread.currentThread().getName())) {
            TOUCHES.add(new Touch(operation, String.valueOf(path), Thread.currentThread().getStackTrace()));
        }
    }

    private static Path in(Path p) {
        return WatchedPath.unwrap(p);
    }

    @Override public String getScheme() { return inner.getScheme(); }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) throws IOException {
        throw new java.nio.file.FileSystemAlreadyExistsException(uri.toString());
    }

    @Override public FileSystem getFileSystem(URI uri) { return fs; }
    @Override public Path getPath(URI uri) { return new WatchedPath(fs, inner.getPath(uri)); }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        saw("open", path);
        return inner.newByteChannel(in(path), options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        saw("open", path);
        return inner.newFileChannel(in(path), options, attrs);
    }

    @Override
    public AsynchronousFileChannel newAsynchronousFileChannel(Path path, Set<? extends OpenOption> options,
            ExecutorService executor, FileAttribute<?>... attrs) throws IOException {
        saw("open", path);
        return inner.newAsynchronousFileChannel(in(path), options, executor, attrs);
    }

    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        saw("open", path);
        return inner.newInputStream(in(path), options);
    }

    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        saw("open", path);
        return inner.newOutputStream(in(path), options);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        saw("list", dir);
        WatchedFileSystem w = ((WatchedPath) dir).fs();
        DirectoryStream<Path> ds = inner.newDirectoryStream(in(dir), p -> filter.accept(new WatchedPath(w, p)));
        return new DirectoryStream<>() {
            @Override
            public java.util.Iterator<Path> iterator() {
                java.util.Iterator<Path> it = ds.iterator();
                return new java.util.Iterator<>() {
                    @Override public boolean hasNext() { return it.hasNext(); }
                    @Override public Path next() { return new WatchedPath(w, it.next()); }
                };
            }

            @Override
            public void close() throws IOException {
                ds.close();
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        saw("mkdir", dir);
        inner.createDirectory(in(dir), attrs);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        saw("symlink", link);
        inner.createSymbolicLink(in(link), in(target), attrs);
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        saw("readlink", link);
        return new WatchedPath(((WatchedPath) link).fs(), inner.readSymbolicLink(in(link)));
    }

    @Override
    public void delete(Path path) throws IOException {
        saw("delete", path);
        inner.delete(in(path));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        saw("copy", source);
        inner.copy(in(source), in(target), options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        saw("move", source);
        inner.move(in(source), in(target), options);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        saw("stat", path);
        return inner.isSameFile(in(path), in(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        saw("stat", path);
        return inner.isHidden(in(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        saw("stat", path);
        return inner.getFileStore(in(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        saw("stat", path);
        inner.checkAccess(in(path), modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return inner.getFileAttributeView(in(path), type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        saw("stat", path);
        return inner.readAttributes(in(path), type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        saw("stat", path);
        return inner.readAttributes(in(path), attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        saw("setattr", path);
        inner.setAttribute(in(path), attribute, value, options);
    }

    /** Needed for {@link #installed}: FileSystems.getDefault().provider() without a cast. */
    private static final class FileSystems {
        static FileSystemProvider defaultProvider() {
            return java.nio.file.FileSystems.getDefault().provider();
        }
    }
}
