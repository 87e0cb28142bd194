package org.retrovue.persistence;

/** A glob ({@code *}, {@code ?}) as an SQL {@code LIKE} pattern with {@code \} as its escape character. */
final class LikePattern {
    private LikePattern() {}

    static String fromGlob(String glob) {
        StringBuilder like = new StringBuilder(glob.length() + 8);
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '%', '_', '\\' -> like.append('\\').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }
}
