package dev.structscope.tests.fxio;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/**
 * A path of the {@link WatchedFileSystem}: the platform's path inside, so that every file
 * operation on it goes through {@link FxIoWatch}. Immutable; any thread.
 */
record WatchedPath(WatchedFileSystem fs, Path inner) implements Path {

    static Path unwrap(Path p) {
        if (p instanceof WatchedPath w) {
            return w.inner;
        }
        if (p == null) {
            return null;
        }
        throw new ProviderMismatchException(p.getClass().getName());
    }

    private Path wrap(Path p) {
        return p == null ? null : new WatchedPath(fs, p);
    }

    @Override public FileSystem getFileSystem() { return fs; }
    @Override public boolean isAbsolute() { return inner.isAbsolute(); }
    @Override public Path getRoot() { return wrap(inner.getRoot()); }
    @Override public Path getFileName() { return wrap(inner.getFileName()); }
    @Override public Path getParent() { return wrap(inner.getParent()); }
    @Override public int getNameCount() { return inner.getNameCount(); }
    @Override public Path getName(int index) { return wrap(inner.getName(index)); }
    @Override public Path subpath(int begin, int end) { return wrap(inner.subpath(begin, end)); }
    @Override public boolean startsWith(Path other) { return other instanceof WatchedPath w && inner.startsWith(w.inner); }
    @Override public boolean endsWith(Path other) { return other instanceof WatchedPath w && inner.endsWith(w.inner); }
    @Override public Path normalize() { return wrap(inner.normalize()); }
    @Override public Path resolve(Path other) { return wrap(inner.resolve(unwrap(other))); }
    @Override public Path relativize(Path other) { return wrap(inner.relativize(unwrap(other))); }
    @Override public URI toUri() { return inner.toUri(); }
    @Override public Path toAbsolutePath() { return wrap(inner.toAbsolutePath()); }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        fs.provider.saw("toRealPath", this);
        return wrap(inner.toRealPath(options));
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers)
            throws IOException {
        return inner.register(watcher, events, modifiers);
    }

    @Override
    public int compareTo(Path other) {
        return inner.compareTo(unwrap(other));
    }

    // equals and hashCode are the record's: the same platform path in the same file system, as Path asks.

    @Override
    public String toString() {
        return inner.toString();
    }
}
