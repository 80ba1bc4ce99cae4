package app.retake.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ways a file gets damaged: cut short by a full disk or a crash during a copy, overwritten with rubbish, a byte
 * flipped, saved by another program in another encoding, or, for JSON, edited by hand into something that parses
 * but holds values of the wrong kind.
 */
final class FileDamage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FileDamage() {
    }

    /** A damaged copy and what was done to it. */
    record Damaged(byte[] bytes, String what) {
    }

    /** Damage any file, text or binary, can suffer. */
    static Damaged anyFile(byte[] good, SplittableRandom random) {
        switch (random.nextInt(6)) {
            case 0:
                int cut = random.nextInt(Math.max(1, good.length));
                return new Damaged(Arrays.copyOf(good, cut), "cut after byte " + cut + " of " + good.length);
            case 1:
                return new Damaged(bytes(random, random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(good.length + 64)),
                        "replaced by random bytes");
            case 2:
                byte[] flipped = good.clone();
                int n = 1 + random.nextInt(16);
                for (int i = 0; i < n && flipped.length > 0; i++) {
                    flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                }
                return new Damaged(flipped, n + " byte(s) changed");
            case 3:
                return new Damaged(new byte[0], "empty");
            case 4:
                byte[] zeroed = good.clone();
                int from = random.nextInt(Math.max(1, zeroed.length));
                int to = Math.min(zeroed.length, from + 1 + random.nextInt(Math.max(1, zeroed.length / 2)));
                Arrays.fill(zeroed, from, to, (byte) 0);
                return new Damaged(zeroed, "bytes " + from + "-" + to + " zeroed");
            default:
                int keep = Math.min(good.length, 1 + random.nextInt(4096));
                byte[] head = Arrays.copyOf(good, keep + 1 + random.nextInt(good.length + 1));
                byte[] rubbish = bytes(random, head.length - keep);
                System.arraycopy(rubbish, 0, head, keep, rubbish.length);
                return new Damaged(head, "the first " + keep + " bytes kept, rubbish after");
        }
    }

    /** Damage a text file can suffer besides {@link #anyFile}: encodings, NULs, odd characters, a huge line. */
    static Damaged textFile(byte[] good, SplittableRandom random) {
        switch (random.nextInt(7)) {
            case 0:
                return new Damaged(insert(good, random, new byte[] {(byte) 0xE9}), "a Latin-1 letter");
            case 1:
                byte[][] invalid = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF, (byte) 0xFE}};
                return new Damaged(insert(good, random, invalid[random.nextInt(invalid.length)]), "invalid UTF-8");
            case 2:
                return new Damaged(insert(good, random, new byte[1 + random.nextInt(3)]), "NUL bytes");
            case 3:
                byte[] bom = random.nextBoolean() ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                        : new byte[] {(byte) 0xFF, (byte) 0xFE};
                return new Damaged(concat(bom, good), bom.length == 3 ? "a UTF-8 BOM" : "a UTF-16 BOM");
            case 4:
                return new Damaged(new String(good, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE),
                        "saved as UTF-16");
            case 5:
                byte[] line = new byte[DamagedBank.MEGABYTE];
                Arrays.fill(line, (byte) 'a');
                return new Damaged(concat(good, line), "a 1 MB line added");
            default:
                return new Damaged(concat(good, bytes(random, 1 + random.nextInt(200))), "rubbish added at the end");
        }
    }

    /**
     * Damage a JSON file can suffer besides the others: still valid JSON, but of the wrong shape, or with a value
     * of the wrong kind somewhere inside (text for a number, a huge or negative number, a list for an object…).
     */
    static Damaged jsonFile(byte[] good, SplittableRandom random) {
        switch (random.nextInt(4)) {
            case 0:
                String[] shapes = {"[]", "null", "\"text\"", "42", "{}", "true", "[{}]", "{\"words\": {}}"};
                String shape = shapes[random.nextInt(shapes.length)];
                return new Damaged(shape.getBytes(StandardCharsets.UTF_8), "valid JSON of the wrong shape: " + shape);
            case 1:
                int depth = 10_000 + random.nextInt(100_000);
                String deep = "[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : 0);
                return new Damaged(deep.getBytes(StandardCharsets.UTF_8), "nested " + depth + " deep");
            default:
                try {
                    JsonNode root = JSON.readTree(good);
                    List<JsonNode> containers = new ArrayList<>();
                    collect(root, containers);
                    int changes = 1 + random.nextInt(3);
                    List<String> done = new ArrayList<>();
                    for (int i = 0; i < changes && !containers.isEmpty(); i++) {
                        JsonNode container = containers.get(random.nextInt(containers.size()));
                        if (container.size() > 0) {
                            done.add(replaceOne(container, random));
                        }
                    }
                    return new Damaged(JSON.writeValueAsBytes(root), "valid JSON with " + String.join(", ", done));
                } catch (IOException e) {
                    return anyFile(good, random);
                }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode() && node.size() > 0) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static String replaceOne(JsonNode container, SplittableRandom random) {
        JsonNode value = wrongValue(random);
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            if (random.nextInt(5) == 0) {
                object.remove(name);
                return name + " removed";
            }
            object.set(name, value);
            return name + " = " + abbreviate(value.toString());
        }
        ArrayNode array = (ArrayNode) container;
        int at = random.nextInt(array.size());
        array.set(at, value);
        return "item " + at + " = " + abbreviate(value.toString());
    }

    private static JsonNode wrongValue(SplittableRandom random) {
        switch (random.nextInt(12)) {
            case 0:
                return NODES.textNode("not a number");
            case 1:
                return NODES.numberNode(-1 - random.nextInt(1000));
            case 2:
                return NODES.numberNode(1e300);
            case 3:
                return NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 4:
                return NODES.nullNode();
            case 5:
                return NODES.arrayNode().add(1).add("two");
            case 6:
                return NODES.objectNode().put("odd", true);
            case 7:
                return NODES.booleanNode(random.nextBoolean());
            case 8:
                return NODES.textNode("x".repeat(100_000));
            case 9:
                return NODES.numberNode(random.nextDouble() * 10);
            case 10:
                return NODES.textNode("");
            default:
                return NODES.numberNode(Integer.MAX_VALUE);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] insert(byte[] bytes, SplittableRandom random, byte[] inserted) {
        int at = random.nextInt(bytes.length + 1);
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
