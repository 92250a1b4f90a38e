package dev.structscope.io.source;

class InMemorySourceTest extends DataSourceContractTest {
    @Override
    DataSource open(byte[] content) {
        return new InMemorySource("buffer", content);
    }
}
