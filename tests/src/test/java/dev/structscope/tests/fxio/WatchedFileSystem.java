package dev.structscope.tests.fxio;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The default file system seen through {@link FxIoWatch}: the platform's, with watched paths. Any thread. */
final class WatchedFileSystem extends FileSystem {
    final FxIoWatch provider;
    final FileSystem inner;

    WatchedFileSystem(FxIoWatch provider, FileSystem inner) {
        this.provider = provider;
        this.inner = inner;
    }

    @Override public FileSystemProvider provider() { return provider; }
    @Override public void close() throws IOException { inner.close(); }
    @Override public boolean isOpen() { return inner.isOpen(); }
    @Override public boolean isReadOnly() { return inner.isReadOnly(); }
    @Override public String getSeparator() { return inner.getSeparator(); }

    @Override
    public Iterable<Path> getRootDirectories() {
        List<Path> out = new ArrayList<>();
        inner.getRootDirectories().forEach(p -> out.add(new WatchedPath(this, p)));
        return out;
    }

    @Override public Iterable<FileStore> getFileStores() { return inner.getFileStores(); }
    @Override public Set<String> supportedFileAttributeViews() { return inner.supportedFileAttributeViews(); }
    @Override public Path getPath(String first, String... more) { return new WatchedPath(this, inner.getPath(first, more)); }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher m = inner.getPathMatcher(syntaxAndPattern);
        return p -> m.matches(WatchedPath.unwrap(p));
    }

    @Override public UserPrincipalLookupService getUserPrincipalLookupService() { return inner.getUserPrincipalLookupService(); }
    @Override public WatchService newWatchService() throws IOException { return inner.newWatchService(); }
}
