package com.storemetrics.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** JSON:API as Apple writes it: resources, pages with opaque cursors and {@code meta.paging}, filters. */
final class JsonApi {

    static final String PATH = "/sandbox/apple/v1";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Pattern CURSOR = Pattern.compile("\\{\"offset\":\"(\\d{1,9})\"}");

    private JsonApi() {}

    /**
     * One page of a list: {@code limit} 1..200 (default 50), an opaque {@code cursor} from the
     * previous page's {@code links.next}, and {@code meta.paging.total}.
     */
    static <T> Map<String, Object> page(
            List<T> all, HttpServletRequest request, Function<T, Map<String, Object>> toResource) {
        int limit = limit(request.getParameter("limit"));
        int offset = offset(request.getParameter("cursor"), all.size());
        int end = Math.min(all.size(), offset + limit);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", currentUrl(request));
        if (end < all.size()) {
            links.put("next", withCursor(request, encodeCursor(end)));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("data", all.subList(offset, end).stream().map(toResource).toList());
        document.put("links", links);
        document.put("meta", Map.of("paging", Map.of("total", all.size(), "limit", limit)));
        return document;
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to Apple's answer
        }
        throw ApiError.invalidParameter("'" + text + "' is not a valid value for the parameter 'limit'."
                + " The value must be an integer between 1 and " + MAX_LIMIT);
    }

    /** Cursors look like Apple's: base64url of a small JSON object; clients must not build them. */
    static String encodeCursor(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"offset\":\"" + offset + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor, int size) {
        if (cursor == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            var matcher = CURSOR.matcher(decoded);
            if (matcher.matches()) {
                int offset = Integer.parseInt(matcher.group(1));
                if (offset < size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to Apple's answer
        }
        throw ApiError.invalidParameter("'" + cursor + "' is not a valid value for the parameter 'cursor'");
    }

    private static String currentUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }

    /** The same request with another cursor: every other parameter exactly as the client sent it. */
    private static String withCursor(HttpServletRequest request, String cursor) {
        List<String> parameters = new ArrayList<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (!parameter.isEmpty() && !parameter.startsWith("cursor=") && !parameter.equals("cursor")) {
                    parameters.add(parameter);
                }
            }
        }
        parameters.add("cursor=" + cursor);
        return request.getRequestURL() + "?" + String.join("&", parameters);
    }

    /** {@code http://host:port/sandbox/apple}: what {@code storemetrics.apple.api-url} points at. */
    static String apiBase(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.indexOf(PATH) + PATH.length() - "/v1".length());
    }

    static Map<String, Object> resource(String type, String id, String apiBase, Object... attributes) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            values.put((String) attributes[i], attributes[i + 1]);
        }
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("type", type);
        resource.put("id", id);
        resource.put("attributes", values);
        resource.put("links", Map.of("self", apiBase + "/v1/" + type + "/" + id));
        return resource;
    }

    /** Apple filters take comma-separated values. */
    static List<String> filterValues(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .map(v -> v.toLowerCase(Locale.ROOT))
                .toList();
    }
}
