package io.factorgraph.backtest.settings;

import io.factorgraph.backtest.exchange.queue.QueueModel;
import java.util.Locale;

/**
 * {@code --queue}: a queue position model by name ({@code risk-averse}, {@code power:3}, ...), parsed by {@link
 * QueueModel#parse}, which owns the list of models.
 *
 * @param name the name as written, stripped and in lower case: {@link QueueModel#parse} reads it back
 * @param model the model it names
 */
public record QueueSetting(String name, QueueModel model) {
    public static final QueueSetting RISK_AVERSE = parse("risk-averse");

    /** @throws IllegalArgumentException {@code 'TEXT': expected risk-averse, power:N, ...} */
    public static QueueSetting parse(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            return new QueueSetting(name, QueueModel.parse(name));
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage();
            int colon = reason.indexOf("': ");
            // QueueModel's own message says what was wrong ("the exponent must be > 0") and lists the forms
            throw new IllegalArgumentException(
                    "'" + text + "': " + (colon < 0 ? QueueModel.FORMS : reason.substring(colon + 3)));
        }
    }

    public String canonical() {
        return name;
    }
}
