package org.retrovue.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code RETROVUE_DATABASE_URL} read: {@code jdbc:postgresql://HOST[:PORT]/DATABASE[?...]}, or the form that managed
 * PostgreSQL services hand out, {@code postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DATABASE[?...]} (also
 * {@code postgres://}). The user and password leave the URL here, so no driver message or stack trace can show
 * them; a malformed URL is a usage error whose message never repeats the password.
 */
record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

    static DatabaseUrl parse(String variable, String given) {
        String url = given.strip();
        String rest;
        if (url.startsWith("jdbc:postgresql://")) {
            rest = url.substring("jdbc:postgresql://".length());
        } else if (url.startsWith("postgresql://")) {
            rest = url.substring("postgresql://".length());
        } else if (url.startsWith("postgres://")) {
            rest = url.substring("postgres://".length());
        } else {
            throw usage(variable, "must look like postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DATABASE or jdbc:postgresql://HOST:PORT/DATABASE", url);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        if (authority.contains(",")) {
            return new DatabaseUrl("jdbc:postgresql://" + rest, Optional.empty(), Optional.empty()); // several hosts: the driver's own syntax
        }
        URI uri;
        try {
            uri = new URI("postgresql://" + rest);
        } catch (URISyntaxException e) {
            throw usage(variable, "is not a valid URL (" + e.getReason() + ")", url);
        }
        if (uri.getHost() == null) {
            String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
            boolean badPort = !hostAndPort.isEmpty() && !hostAndPort.startsWith(":") && hostAndPort.matches(".*:[^\\]]*[^0-9\\]].*");
            throw usage(variable, badPort ? "has a port that is not a number" : "names no host", url);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw usage(variable, "has a port outside 1-65535", url);
        }
        String path = uri.getRawPath();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw usage(variable, "names no database (end it with /DATABASE)", url);
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0])).filter(u -> !u.isEmpty());
            password = parts.length > 1 ? Optional.of(decode(parts[1])) : Optional.empty();
        }
        String host = uri.getHost();
        String jdbc = "jdbc:postgresql://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseUrl(jdbc, user, password);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static RetrovueException usage(String variable, String what, String url) {
        return new RetrovueException(ErrorKind.USAGE, variable + " " + what + ": " + withoutUserInfo(url));
    }

    /** The URL as it may be shown: no user information, no query (either may hold a password). */
    static String withoutUserInfo(String url) {
        return url.replaceAll("//[^/]*@", "//").replaceAll("\\?.*$", "");
    }
}
