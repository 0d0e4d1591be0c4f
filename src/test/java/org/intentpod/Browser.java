package org.intentpod;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does that tests need: keeps cookies by path, sends {@code Origin} on posts, follows no
 * redirect by itself (tests look at each), and reads hidden form fields out of a page.
 */
public final class Browser {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String origin;

    public Browser(String base) {
        URI uri = URI.create(base);
        this.origin = uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public String origin() {
        return origin;
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
    }

    /** Posts a form from a page of this server (so with its Origin). */
    public HttpResponse<String> postForm(String url, Map<String, String> fields) {
        return postForm(url, fields, origin);
    }

    /** Posts a form as a page of {@code fromOrigin} would; null sends no Origin, as old browsers do. */
    public HttpResponse<String> postForm(String url, Map<String, String> fields, String fromOrigin) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (fromOrigin != null) {
            request.header("Origin", fromOrigin);
        }
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The cookies this browser holds, by name (the first of each name). */
    public Map<String, HttpCookie> cookies() {
        Map<String, HttpCookie> byName = new LinkedHashMap<>();
        for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
            byName.putIfAbsent(cookie.getName(), cookie);
        }
        return byName;
    }

    /** The value of a page's hidden input. */
    public static String hidden(String page, String name) {
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\">").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no hidden field " + name + " in " + page);
        }
        return m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The Set-Cookie headers of a response. */
    public static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }
}
