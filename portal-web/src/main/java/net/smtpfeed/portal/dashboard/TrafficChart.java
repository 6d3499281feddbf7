package net.smtpfeed.portal.dashboard;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import net.smtpfeed.domain.mail.MailOutcome;

/**
 * A domain's mail per day as a Chart.js stacked bar chart, the JSON model p:chart takes: one bar per day, one stacked
 * segment per outcome, in the order of {@link MailOutcome}.
 */
final class TrafficChart {

    private static final Map<MailOutcome, String> COLORS = new EnumMap<>(Map.of(
            MailOutcome.DELIVERED, "#2f9e5b",
            MailOutcome.SPAM_LOW, "#f5c451",
            MailOutcome.SPAM_MED, "#f08c3a",
            MailOutcome.SPAM_HIGH, "#d9483b",
            MailOutcome.VIRUS, "#7a2e8e",
            MailOutcome.GREYLISTED, "#a7b1c2",
            MailOutcome.DEFERRED, "#4a78c9"));

    private final Function<MailOutcome, String> labels;
    private final DateTimeFormatter dayFormat;

    /**
     * @param labels the legend's name of each outcome
     * @param locale the language the days are written in: "28 Nov"
     */
    TrafficChart(Function<MailOutcome, String> labels, Locale locale) {
        this.labels = labels;
        this.dayFormat = DateTimeFormatter.ofPattern("d MMM", locale);
    }

    JsonObject of(DomainTraffic traffic) {
        JsonArrayBuilder days = Json.createArrayBuilder();
        for (LocalDate day : traffic.days()) {
            days.add(dayFormat.format(day));
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (MailOutcome outcome : MailOutcome.values()) {
            JsonArrayBuilder counts = Json.createArrayBuilder();
            traffic.counts().get(outcome).forEach(counts::add);
            datasets.add(Json.createObjectBuilder()
                    .add("label", labels.apply(outcome))
                    .add("data", counts)
                    .add("backgroundColor", COLORS.get(outcome))
                    .add("stack", "mail")
                    .add("maxBarThickness", 28));
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", days).add("datasets", datasets))
                .add("options", options())
                .build();
    }

    /**
     * Stacked, whole numbers, the days written level (as many as fit), the legend below; no animation, so that the
     * chart is there as soon as the page is.
     */
    private static JsonObjectBuilder options() {
        return Json.createObjectBuilder()
                .add("animation", false)
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("interaction", Json.createObjectBuilder().add("mode", "index").add("intersect", false))
                .add("scales", Json.createObjectBuilder()
                        .add("x", Json.createObjectBuilder().add("stacked", true)
                                .add("grid", Json.createObjectBuilder().add("display", false))
                                .add("ticks", Json.createObjectBuilder().add("maxRotation", 0).add("autoSkipPadding", 12)))
                        .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0))))
                .add("plugins", Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "bottom")
                                .add("labels", Json.createObjectBuilder().add("boxWidth", 12).add("boxHeight", 12))));
    }
}
