package com.storemetrics.appstore.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.storemetrics.appstore.ApiCredential;
import com.storemetrics.appstore.ApiTokens;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.bench.BenchmarkSupport;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints throughput figures on loopback (not a test; Surefire skips *Benchmark*):
 * <ol>
 *   <li>{@code Sales.getAccounts} calls per second through the real {@link ReporterClient} against the
 *       embedded sandbox of an application started here on a random port (1 and 2 callers);</li>
 *   <li>ES256 JWTs minted, verified, and minted+verified per second with nimbus-jose-jwt;</li>
 *   <li>{@link ApiTokens#bearerFor} with its cache (what every API call pays).</li>
 * </ol>
 * Each figure is the median of {@value #ROUNDS} rounds of {@value #ROUND_SECONDS} s after a warm-up.
 * Run: see docs/appstore-clients.md.
 */
public final class AppleClientBenchmark {

    private static final int ROUNDS = 3;
    private static final int ROUND_SECONDS = 5;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final String ALICE_TOKEN = "a11ce000-0000-4000-8000-000000000002";

    private AppleClientBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "Java %s, %d cores%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        benchmarkJwts();
        try (ConfigurableApplicationContext app = startApplication()) {
            benchmarkReporter(app.getBean(ReporterClient.class));
            benchmarkCachedBearer(app.getBean(ApiTokens.class));
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext startApplication() {
        long started = System.nanoTime();
        // As every harness starts it: profile test (the embedded sandbox on, the recurring tasks an
        // hour away), a random port, its own in-memory database.
        ConfigurableApplicationContext context = BenchmarkSupport.startApp("apple-client");
        System.out.printf(
                Locale.ROOT,
                "Application with the embedded sandbox started on port %s in %d ms%n",
                context.getEnvironment().getProperty("local.server.port"),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return context;
    }

    private static void benchmarkReporter(ReporterClient reporter) throws Exception {
        if (reporter.getAccounts(ALICE_TOKEN).size() != 2) {
            throw new IllegalStateException("the sandbox does not show Alice's two accounts");
        }
        for (int callers : new int[] {1, 2}) {
            report(
                    "Sales.getAccounts via ReporterClient, " + callers + " caller(s)",
                    "calls/s",
                    measure(callers, () -> reporter.getAccounts(ALICE_TOKEN)));
        }
    }

    private static void benchmarkJwts() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        ECDSASigner signer = new ECDSASigner((ECPrivateKey) key.getPrivate());
        ECDSAVerifier verifier = new ECDSAVerifier((ECPublicKey) key.getPublic());
        String one = mint(signer);
        report("ES256 JWT minted (nimbus)", "JWTs/s", measure(1, () -> mint(signer)));
        report("ES256 JWT parsed and verified (nimbus)", "JWTs/s", measure(1, () -> verify(verifier, one)));
        report("ES256 JWT minted then verified (nimbus)", "JWTs/s", measure(1, () -> verify(verifier, mint(signer))));
    }

    private static void benchmarkCachedBearer(ApiTokens tokens) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder()
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        ApiCredential.ApiKey key = tokens.parseKey("6e0a7c1e-0003-4000-8000-000000100003", "NWG7ADMIN1", pem);
        report("ApiTokens.bearerFor (cached JWT)", "calls/s", measure(1, () -> tokens.bearerFor(key)));
    }

    private static String mint(ECDSASigner signer) {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID("NWG7ADMIN1")
                        .type(JOSEObjectType.JWT)
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer("6e0a7c1e-0003-4000-8000-000000100003")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                        .audience("appstoreconnect-v1")
                        .build());
        try {
            jwt.sign(signer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static boolean verify(ECDSAVerifier verifier, String token) {
        try {
            if (!SignedJWT.parse(token).verify(verifier)) {
                throw new IllegalStateException("a JWT we just signed does not verify");
            }
            return true;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Median operations per second of the rounds, after a warm-up, with {@code callers} threads. */
    private static double measure(int callers, Runnable operation) throws Exception {
        run(callers, operation, WARM_UP);
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            rates.add(run(callers, operation, Duration.ofSeconds(ROUND_SECONDS)));
        }
        rates.sort(Double::compare);
        return rates.get(rates.size() / 2);
    }

    private static double run(int callers, Runnable operation, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        LongAdder done = new LongAdder();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        operation.run();
                        done.increment();
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return done.sum() / ((System.nanoTime() - started) / 1e9);
    }

    private static void report(String what, String unit, double perSecond) {
        System.out.printf(Locale.ROOT, "%-55s %,12.0f %s  (%.1f us/op)%n", what, perSecond, unit, 1e6 / perSecond);
    }
}
