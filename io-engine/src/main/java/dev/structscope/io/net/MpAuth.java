package dev.structscope.io.net;

import dev.structscope.model.InputException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

/**
 * The authkey handshake of Python's {@code multiprocessing.connection}, in both forms:
 * the older one (a 20-byte challenge answered with a raw HMAC-MD5) and the newer one of Python
 * 3.12+ (a challenge prefixed with {@code {sha256}} answered with {@code {sha256}} and an
 * HMAC-SHA256 over the whole challenge). Each side challenges the other: a {@code Listener}
 * delivers its challenge first, a {@code Client} answers first.
 *
 * <p>We always deliver the newer form; a peer of the older form answers it with a raw MD5, which
 * we accept (as Python 3.12 does). Digests are compared in constant time. Stateless.
 */
public final class MpAuth {
    static final byte[] CHALLENGE = "#CHALLENGE#".getBytes(StandardCharsets.US_ASCII);
    static final byte[] WELCOME = "#WELCOME#".getBytes(StandardCharsets.US_ASCII);
    static final byte[] FAILURE = "#FAILURE#".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 40;
    private static final Map<String, String> DIGESTS = Map.of(
            "md5", "HmacMD5", "sha1", "HmacSHA1", "sha224", "HmacSHA224", "sha256", "HmacSHA256",
            "sha384", "HmacSHA384", "sha512", "HmacSHA512");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MpAuth() {
    }

    /** Runs the handshake as Python's {@code Client} does (we connected to a {@code Listener}). */
    public static void asClient(StreamConnection c, byte[] authkey, long timeoutMillis) throws IOException {
        answerChallenge(c, authkey, timeoutMillis);
        deliverChallenge(c, authkey, timeoutMillis);
    }

    /** Runs the handshake as Python's {@code Listener} does (a {@code Client} connected to us). */
    public static void asListener(StreamConnection c, byte[] authkey, long timeoutMillis) throws IOException {
        deliverChallenge(c, authkey, timeoutMillis);
        answerChallenge(c, authkey, timeoutMillis);
    }

    static void deliverChallenge(StreamConnection c, byte[] authkey, long timeoutMillis) throws IOException {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] message = concat("{sha256}".getBytes(StandardCharsets.US_ASCII), nonce);
        c.send(concat(CHALLENGE, message), timeoutMillis);
        byte[] response = c.receiveSmallCopy(256, timeoutMillis);
        if (!verify(authkey, message, response)) {
            c.send(FAILURE, timeoutMillis);
            throw new InputException(c.peer(), "authentication failed: the peer's authkey does not match");
        }
        c.send(WELCOME, timeoutMillis);
    }

    static void answerChallenge(StreamConnection c, byte[] authkey, long timeoutMillis) throws IOException {
        byte[] challenge = c.receiveSmallCopy(256, timeoutMillis);
        if (!startsWith(challenge, CHALLENGE)) {
            throw new InputException(c.peer(), "the peer did not start the multiprocessing handshake"
                    + " (is it a multiprocessing.connection Listener with an authkey?)");
        }
        byte[] message = Arrays.copyOfRange(challenge, CHALLENGE.length, challenge.length);
        c.send(response(authkey, message), timeoutMillis);
        byte[] verdict = c.receiveSmallCopy(256, timeoutMillis);
        if (!Arrays.equals(verdict, WELCOME)) {
            throw new InputException(c.peer(), "authentication failed: the peer rejected our authkey");
        }
    }

    /** What a peer answers to {@code message}: raw HMAC-MD5 for the old form, {digest}+HMAC for the new. */
    static byte[] response(byte[] authkey, byte[] message) {
        String digest = digestName(message);
        if (digest == null) {
            return hmac("md5", authkey, message);
        }
        return concat(("{" + digest + "}").getBytes(StandardCharsets.US_ASCII), hmac(digest, authkey, message));
    }

    static boolean verify(byte[] authkey, byte[] message, byte[] response) {
        String digest = digestName(response);
        byte[] mac = response;
        if (digest == null) {
            digest = "md5";
        } else {
            mac = Arrays.copyOfRange(response, digest.length() + 2, response.length);
        }
        if (!DIGESTS.containsKey(digest)) {
            return false;
        }
        return MessageDigest.isEqual(hmac(digest, authkey, message), mac);
    }

    /** The digest name of a {@code {name}payload} message, or null for the old form. */
    static String digestName(byte[] m) {
        if (m.length == 0 || m[0] != '{') {
            return null;
        }
        for (int i = 1; i < Math.min(m.length, 21); i++) {
            if (m[i] == '}') {
                String name = new String(m, 1, i - 1, StandardCharsets.US_ASCII);
                if (!DIGESTS.containsKey(name)) {
                    throw new InputException("handshake", "the peer asked for unsupported digest '" + name + "'");
                }
                return name;
            }
        }
        return null;
    }

    static byte[] hmac(String digest, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(DIGESTS.get(digest));
            // An empty authkey is legal in Python but SecretKeySpec refuses it; HMAC pads keys with
            // zero bytes to the block size, so one zero byte gives the same MAC as no key.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, DIGESTS.get(digest)));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC " + digest + " unavailable", e);
        }
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        return a.length >= prefix.length && Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
