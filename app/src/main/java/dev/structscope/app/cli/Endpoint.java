package dev.structscope.app.cli;

import dev.structscope.model.InputException;

/**
 * A {@code HOST:PORT} (or {@code PORT}, {@code [v6]:PORT}) from the command line.
 *
 * @param host the host; {@code 127.0.0.1} when only a port was given
 */
record Endpoint(String host, int port) {

    static Endpoint parse(String option, String text, boolean hostRequired) {
        String host = "127.0.0.1";
        String port = text.strip();
        int colon = port.lastIndexOf(':');
        if (colon >= 0) {
            host = port.substring(0, colon);
            port = port.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isEmpty()) {
                throw new InputException(option, "missing host in '" + text + "'");
            }
        } else if (hostRequired) {
            throw new InputException(option, "expected HOST:PORT, got '" + text + "'");
        }
        try {
            int p = Integer.parseInt(port);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return new Endpoint(host, p);
        } catch (NumberFormatException e) {
            throw new InputException(option, "bad port '" + port + "' in '" + text + "'");
        }
    }

    boolean isLoopback() {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
