package org.retrovue.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retrovue.cli.CliContext;
import org.retrovue.cli.render.Shapes;
import org.retrovue.cli.render.Text;
import org.retrovue.core.AssetPage;
import org.retrovue.persistence.AssetFilter;
import org.retrovue.persistence.AssetRecord;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code source assets COLLECTION}: what an ingest stored for a collection, a page at a time. */
final class SourceAssetsCommand extends ContextCommand {
    private final PositionalParamSpec collection = parameter("COLLECTION", "1", "UUID, name, external id, or SOURCE/COLLECTION.");
    private final OptionSpec missing = flag("--missing", "Only items that were not found by the last ingest.");
    private final OptionSpec notReady = flag("--not-ready", "Only items not ready for air: missing, file not here, or no duration above zero.");
    private final OptionSpec path = option("--path", "GLOB", false,
            "Only items whose local path matches GLOB, whole: * any characters (/ too), ? one; case counts.", null);
    private final OptionSpec limit = option("--limit", "N", false,
            "At most N items (default 100; 0 for all); a line on stderr says how many there are when some are left out.", null);
    private final OptionSpec offset = option("--offset", "N", false, "Leave out the first N items (default 0): --offset 100 is the second page.", null);
    private final OptionSpec json = jsonFlag();

    SourceAssetsCommand(CliContext context) {
        super(context, "assets", "List the items ingested for a collection, by key.");
        footer("Example: retrovue source assets \"Media Library/movies\" --path '*/Alien*' --offset 100");
    }

    @Override
    public Integer call() {
        AssetPage page = context.ingest().assets(value(collection), new AssetFilter(isSet(missing), isSet(notReady), value(path)), wholeNumber(offset, 0, 0),
                wholeNumber(limit, 100, 0));
        String pastTheEnd = page.items().isEmpty() && page.offset() > 0 && page.total() > 0
                ? "items from --offset " + page.offset() + " on: there are " + count(page.total()) : null;
        if (isSet(json)) {
            json(page.items().stream().map(Shapes::asset).toList());
            note(pastTheEnd != null ? "no " + pastTheEnd : pageNote(page));
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (AssetRecord a : page.items()) {
            List<String> row = new ArrayList<>(List.of(a.key(), a.extraType() == null ? a.kind() : a.kind() + " (" + a.extraType().replace('_', ' ') + ")",
                    a.state(), a.size() < 0 ? "-" : Long.toString(a.size()), duration(a.duration()), resolution(a), codecs(a),
                    a.ready() ? "yes" : "no",
                    a.localPath() == null ? "(no mapping)" : a.localPath() + (Boolean.FALSE.equals(a.filePresent()) ? " (not found)" : "")));
            if (isSet(notReady)) {
                row.add(a.ready() ? "" : a.notReadyReason());
            }
            rows.add(row);
        }
        List<String> headers = new ArrayList<>(List.of("KEY", "KIND", "STATE", "SIZE", "DURATION", "RESOLUTION", "CODEC", "READY", "LOCAL PATH"));
        if (isSet(notReady)) {
            headers.add("WHY NOT READY");
        }
        Text.table(out(), headers, rows, pastTheEnd != null ? "No " + pastTheEnd + "." : whenEmpty());
        note(pageNote(page));
        return 0;
    }

    private void note(String line) {
        if (line != null) {
            err().println(line);
            err().flush();
        }
    }

    private String whenEmpty() {
        String which = (isSet(missing) ? "missing " : "") + (isSet(notReady) ? "not-ready " : "");
        if (value(path) != null) {
            return Text.escape("No " + which + "items whose local path matches '" + value(path) + "'.");
        }
        if (isSet(notReady) && !isSet(missing)) {
            return "No items that are not ready: every item is present, its file here, its duration known.";
        }
        return isSet(missing) ? "No " + which + "items: the last ingest found every item it had stored." : "No items. Ingest with `retrovue source ingest`.";
    }

    /** {@code 1:02:03}, {@code 0:42:10}; "-" when unknown. */
    static String duration(Long millis) {
        if (millis == null) {
            return "-";
        }
        long seconds = Math.round(millis / 1000.0);
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }

    /** {@code 1920x1080}, with an {@code i} when interlaced; "-" when not measured. */
    private static String resolution(AssetRecord a) {
        if (a.media().width() == null || a.media().height() == null) {
            return "-";
        }
        return a.media().width() + "x" + a.media().height() + ("interlaced".equals(a.media().scanType()) ? "i" : "");
    }

    /** {@code h264/aac}: the video and default audio codecs, as measured; "-" when neither was. */
    private static String codecs(AssetRecord a) {
        String video = a.media().videoCodec();
        String audio = a.media().audioCodec();
        if (video == null && audio == null) {
            return "-";
        }
        return (video == null ? "-" : video) + "/" + (audio == null ? "-" : audio);
    }

    /** What was left out, when something was; null when the page is every item. */
    private static String pageNote(AssetPage page) {
        if (page.items().isEmpty()) {
            return null;
        }
        long first = page.offset() + 1;
        long last = page.offset() + page.items().size();
        if (page.more()) {
            String shown = page.offset() == 0 ? count(last) + " of " + count(page.total()) + " items shown"
                    : "items " + count(first) + " to " + count(last) + " of " + count(page.total()) + " shown";
            return shown + "; --offset " + last + " for the next page, --limit 0 for all";
        }
        return page.offset() > 0 ? "items " + count(first) + " to " + count(last) + " of " + count(page.total()) + " shown: the last page" : null;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
