package org.retrovue.plugin.ffprobe.fastpath;

/** Aspect ratios written as ffprobe writes them ({@code 16:9}), and frame rates rounded for display. */
final class Ratios {
    private Ratios() {}

    /** {@code num:den} in lowest terms, or null when either is not positive. */
    static String ratio(long num, long den) {
        if (num <= 0 || den <= 0) {
            return null;
        }
        long g = gcd(num, den);
        return (num / g) + ":" + (den / g);
    }

    /** {@code frames / seconds} to three decimals, or null when either is not positive. */
    static Double rate(double frames, double seconds) {
        if (!(frames > 0) || !(seconds > 0) || Double.isInfinite(frames / seconds)) {
            return null;
        }
        return Math.round(frames / seconds * 1000.0) / 1000.0;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
