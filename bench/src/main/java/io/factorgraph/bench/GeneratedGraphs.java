package io.factorgraph.bench;

import java.util.SplittableRandom;

/**
 * Generated {@code .fg} files of N statements for the compile-time benchmark, and for the property
 * test that the graph's execution strategies agree: two double inputs, then N definitions, each a
 * call or arithmetic over one or two earlier names (rolling and exponential statistics, z-scores,
 * changes, lags, clips, rolling extremes, {@code + - * /}) with small windows; the first is
 * {@code x - y}, so both inputs are always used. Every name is used as an
 * output (the file has no {@code output} line). Deterministic for a seed.
 */
public final class GeneratedGraphs {
    private GeneratedGraphs() {}

    public static String source(int statements, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(statements * 40);
        sb.append("# ")
                .append(statements)
                .append(" generated statements, seed ")
                .append(seed)
                .append('\n');
        sb.append("input x: double\ninput y: double\n");
        for (int i = 0; i < statements; i++) {
            String a = pick(random, i);
            String b = pick(random, i);
            sb.append('s').append(i).append(" = ");
            switch (i == 0 ? -1 : random.nextInt(12)) {
                case -1 -> sb.append("x - y");
                case 0 ->
                    sb.append("rolling_mean(")
                            .append(a)
                            .append(", ")
                            .append(window(random))
                            .append(')');
                case 1 ->
                    sb.append("rolling_std(")
                            .append(a)
                            .append(", ")
                            .append(window(random))
                            .append(')');
                case 2 ->
                    sb.append("zscore(")
                            .append(a)
                            .append(", ")
                            .append(window(random))
                            .append(')');
                case 3 ->
                    sb.append("ewm_mean(")
                            .append(a)
                            .append(", ")
                            .append(window(random))
                            .append(')');
                case 4 -> sb.append("change(").append(a).append(')');
                case 5 ->
                    sb.append("lag(")
                            .append(a)
                            .append(", ")
                            .append(1 + random.nextInt(5))
                            .append(')');
                case 6 -> sb.append("clip(").append(a).append(", -3, 3)");
                case 7 -> sb.append(a).append(" + ").append(b);
                case 8 -> sb.append(a).append(" - 0.5 * ").append(b);
                case 9 -> sb.append(a).append(" * ").append(b);
                case 10 -> sb.append(a).append(" / (1 + abs(").append(b).append("))");
                default ->
                    sb.append("rolling_max(")
                            .append(a)
                            .append(", ")
                            .append(window(random))
                            .append(") - rolling_min(")
                            .append(b)
                            .append(", ")
                            .append(window(random))
                            .append(')');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** An earlier name, mostly recent ones (graphs are deep, not just wide). */
    private static String pick(SplittableRandom random, int i) {
        int r = random.nextInt(i + 2);
        if (r < 2 || i == 0) {
            return r % 2 == 0 ? "x" : "y";
        }
        int back = 1 + random.nextInt(Math.min(i, 8));
        return random.nextInt(4) == 0 ? "s" + random.nextInt(i) : "s" + (i - back);
    }

    private static int window(SplittableRandom random) {
        return 2 + random.nextInt(30);
    }
}
