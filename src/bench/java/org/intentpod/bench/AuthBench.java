package org.intentpod.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.intentpod.auth.IdentityConfig;
import org.intentpod.server.PodServer;
import org.intentpod.server.ServerConfig;

/**
 * What authentication costs a GET. In one process, at the same concurrency: the bare rate of verifying one
 * ES256 DPoP proof signature on this JVM (the floor no server can beat), an authenticated GET (DPoP token and
 * a fresh proof on every request, as real clients send, pre-signed before the timed window so signing does
 * not compete for the CPU), and the same GET anonymous on a public resource. The three are measured back to
 * back in five rounds (after one to warm up) and reported as medians, with each GET's ratio to the floor of
 * its own round: the machine's speed drifts between runs far more than these ratios do.
 * Run with {@code pod-server/bench auth [--requests N]}.
 */
public final class AuthBench {
    private static final String PASSWORD = "correct horse battery";

    private AuthBench() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 1 && args[0].equals("--requests") ? Integer.parseInt(args[1]) : 20_000;
        Path data = Files.createTempDirectory("intentpod-authbench");
        PodServer pod = PodServer.start(new ServerConfig("127.0.0.1", 0, null, data, List.of(), false, 10 << 20, 1 << 30,
                new IdentityConfig(19456, 2, 10, false, List.of(), false, true)));
        HttpClient client = new HttpClient();
        client.setMaxConnectionsPerDestination(64);
        client.start();
        try {
            String base = pod.baseUrl();
            client.POST(base + "idp/register").body(new StringRequestContent("application/json",
                    "{\"username\":\"bench\",\"password\":\"" + PASSWORD + "\",\"kind\":\"person\",\"name\":\"Bench\"}")).send();
            JSONObject credential = json(client.POST(base + "idp/credentials").headers(h -> h.put("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(("bench:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))).send());
            ECKey key = new ECKeyGenerator(Curve.P_256).generate();
            DefaultDPoPProofFactory proofs = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
            String form = "grant_type=client_credentials&client_id=" + enc((String) credential.get("client_id")) + "&client_secret="
                    + enc((String) credential.get("client_secret"));
            String card = base + "bench/profile/card";
            System.out.printf(Locale.ROOT, "IntentPod authentication benchmark: %d requests per run in %d interleaved rounds, %d cores, Java %s%n%n",
                    requests, ROUNDS, Runtime.getRuntime().availableProcessors(), Runtime.version());
            System.out.printf(Locale.ROOT, "%-44s %6s %12s %14s %16s%n", "run (medians of the rounds)", "conc.", "per second", "vs ES256 floor",
                    "rounds' range");
            for (int concurrency : new int[] {1, 32}) {
                Call anonymousGet = i -> status(client.newRequest(card).send());
                rate(concurrency, requests / 4, anonymousGet);
                List<double[]> rounds = new ArrayList<>();
                for (int round = 0; round <= ROUNDS; round++) {
                    // A fresh token each round, so that none expires during a run; round 0 only warms up.
                    String token = token(client, base, form, proofs);
                    int count = round == 0 ? requests / 4 : requests / ROUNDS;
                    double floor = verifications(presign(proofs, card, token, count), key, concurrency);
                    double anonymous = rate(concurrency, count, anonymousGet);
                    List<String> fresh = presign(proofs, card, token, count);
                    AtomicInteger cursor = new AtomicInteger();
                    double authenticated = rate(concurrency, count, i -> status(client.newRequest(card)
                            .headers(h -> h.put("Authorization", "DPoP " + token).put("DPoP", fresh.get(cursor.getAndIncrement()))).send()));
                    if (round > 0) {
                        rounds.add(new double[] {floor, authenticated, anonymous});
                    }
                }
                double floor = median(rounds, r -> r[0]);
                System.out.printf(Locale.ROOT, "%-44s %6d %12.0f %13.2fx%n", "bare ES256 proof verification (floor)", concurrency, floor, 1.0);
                report("authenticated GET (token + fresh proof)", concurrency, rounds, 1);
                report("anonymous GET of the same public resource", concurrency, rounds, 2);
            }
        } finally {
            client.stop();
            pod.stop();
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** Each round measures the floor and both GETs back to back, so a drift of the machine's speed moves all three together. */
    private static final int ROUNDS = 5;

    private static String token(HttpClient client, String base, String form, DefaultDPoPProofFactory proofs) throws Exception {
        String proof = sign(proofs, "POST", base + "idp/token", null);
        return (String) json(client.POST(base + "idp/token").headers(h -> h.put("DPoP", proof))
                .body(new StringRequestContent("application/x-www-form-urlencoded", form)).send()).get("access_token");
    }

    /** A run's median rate, and the median and range of its ratios to the floor of the same round. */
    private static void report(String name, int concurrency, List<double[]> rounds, int column) {
        List<Double> ratios = rounds.stream().map(r -> r[column] / r[0]).sorted().toList();
        System.out.printf(Locale.ROOT, "%-44s %6d %12.0f %13.2fx %8.2f-%.2fx%n", name, concurrency, median(rounds, r -> r[column]),
                ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1));
    }

    private static double median(List<double[]> rounds, java.util.function.ToDoubleFunction<double[]> value) {
        double[] sorted = rounds.stream().mapToDouble(value).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private interface Call {
        void run(int i) throws Exception;
    }

    /** Operations per second for a fixed number of calls shared by a number of threads. */
    private static double rate(int concurrency, int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger remaining = new AtomicInteger(count);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = remaining.getAndDecrement(); i > 0; i = remaining.getAndDecrement()) {
                    call.run(i);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return count / seconds;
    }

    private static double verifications(List<String> proofs, ECKey key, int concurrency) throws Exception {
        List<SignedJWT> parsed = new ArrayList<>();
        for (String proof : proofs) {
            parsed.add(SignedJWT.parse(proof));
        }
        ECDSAVerifier verifier = new ECDSAVerifier(key.toPublicJWK());
        rate(concurrency, parsed.size() / 4, i -> parsed.get(i).verify(verifier));
        return rate(concurrency, parsed.size(), i -> {
            if (!parsed.get(i - 1).verify(verifier)) {
                throw new IllegalStateException("a proof did not verify");
            }
        });
    }

    private static List<String> presign(DefaultDPoPProofFactory proofs, String url, String token, int count) throws Exception {
        List<String> signed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            signed.add(sign(proofs, "GET", url, token));
        }
        return signed;
    }

    private static String sign(DefaultDPoPProofFactory proofs, String method, String url, String token) throws Exception {
        return (token == null ? proofs.createDPoPJWT(method, URI.create(url)) : proofs.createDPoPJWT(method, URI.create(url), new DPoPAccessToken(token)))
                .serialize();
    }

    private static void status(ContentResponse response) {
        if (response.getStatus() != 200) {
            throw new IllegalStateException(response.getStatus() + " " + response.getContentAsString());
        }
    }

    private static JSONObject json(ContentResponse response) throws Exception {
        return (JSONObject) new JSONParser(JSONParser.MODE_RFC4627).parse(response.getContentAsString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
