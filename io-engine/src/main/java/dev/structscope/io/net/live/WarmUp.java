package dev.structscope.io.net.live;

/**
 * Loads the JDK's HMAC and random-number providers ahead of the first multiprocessing handshake,
 * which otherwise waits a quarter of a second for them. Stateless apart from a once-only flag;
 * any thread (the connect dialog calls it when it opens).
 */
public final class WarmUp {
    private WarmUp() {
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARM = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Loads the JDK's HMAC and random-number providers in the background (a quarter of a second
     * on first use), so that the mp handshake of the first connection does not wait for them. The
     * connect dialog calls this when it opens; any thread.
     */
    public static void start() {
        if (WARM.compareAndSet(false, true)) {
            Thread.ofVirtual().name("structscope-warm-up").start(() -> {
                try {
                    byte[] nonce = new byte[40];
                    new java.security.SecureRandom().nextBytes(nonce);
                    for (String alg : new String[] {"HmacSHA256", "HmacMD5"}) {
                        javax.crypto.Mac mac = javax.crypto.Mac.getInstance(alg);
                        mac.init(new javax.crypto.spec.SecretKeySpec(new byte[] {1}, alg));
                        mac.doFinal(nonce);
                    }
                } catch (java.security.GeneralSecurityException e) {
                    // the handshake will report it, if it matters
                }
            });
        }
    }

}
