package net.smtpfeed.portal.status;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToLongFunction;
import net.smtpfeed.domain.operations.QueueHistory;

/** The status page's two charts as the Chart.js JSON p:chart takes: the queue as lines, the throughput as bars. */
final class StatusCharts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private StatusCharts() {
    }

    /** @param labels the legend's names: queued, deferred */
    static JsonObject queue(List<QueueHistory.Bucket> history, String queued, String deferred) {
        return chart("line", history, dataset(queued, "#4a78c9", history, QueueHistory.Bucket::queued),
                dataset(deferred, "#f08c3a", history, QueueHistory.Bucket::deferred));
    }

    /** @param labels the legend's names: accepted, delivered */
    static JsonObject throughput(List<QueueHistory.Bucket> history, String accepted, String delivered) {
        return chart("bar", history, dataset(accepted, "#a7b1c2", history, QueueHistory.Bucket::accepted),
                dataset(delivered, "#2f9e5b", history, QueueHistory.Bucket::delivered));
    }

    private static JsonObject chart(String type, List<QueueHistory.Bucket> history, JsonObjectBuilder... datasets) {
        JsonArrayBuilder times = Json.createArrayBuilder();
        history.forEach(bucket -> times.add(TIME.format(bucket.start())));
        JsonArrayBuilder sets = Json.createArrayBuilder();
        for (JsonObjectBuilder dataset : datasets) {
            sets.add(dataset);
        }
        return Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", times).add("datasets", sets))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("interaction", Json.createObjectBuilder().add("mode", "index").add("intersect", false))
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder()
                                        .add("grid", Json.createObjectBuilder().add("display", false))
                                        .add("ticks", Json.createObjectBuilder().add("maxRotation", 0).add("autoSkipPadding", 16)))
                                .add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0))))
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("position", "bottom"))))
                .build();
    }

    private static JsonObjectBuilder dataset(String label, String color, List<QueueHistory.Bucket> history,
                                             ToLongFunction<QueueHistory.Bucket> value) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        history.forEach(bucket -> values.add(value.applyAsLong(bucket)));
        return Json.createObjectBuilder().add("label", label).add("data", values).add("backgroundColor", color)
                .add("borderColor", color).add("pointRadius", 0).add("tension", 0.25).add("maxBarThickness", 14);
    }
}
