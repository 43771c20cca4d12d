package com.storemetrics.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The seeded demo world of docs/apple-wire-contract.md section 4: the same on every start and
 * after a reset. Only the API key pairs are not here; they are generated once per start.
 */
final class DemoWorld {

    static final String SERVICE_ACCESS_TOKEN = "5e7c1ce0-0000-4000-8000-000000000001";

    /** How a seeded Reporter token starts out. */
    enum TokenState {
        VALID,
        EXPIRED,
        REVOKED
    }

    record AppleIdSeed(String email, String firstName, String lastName, String token, TokenState state) {}

    record MemberSeed(String email, String firstName, String lastName, List<String> roles) {}

    record AccountSeed(
            String number, String name, List<String> vendors, List<SandboxApp> apps, List<MemberSeed> members) {}

    record KeySeed(String accountNumber, String issuerId, String keyId, String role) {}

    // Before ACCOUNTS: static fields initialise in order, and the app catalogues read this one.
    private static final String[] CATEGORIES = {
        "Games", "Productivity", "Lifestyle", "Education", "Utilities", "Health & Fitness"
    };

    static final List<AppleIdSeed> APPLE_IDS = List.of(
            new AppleIdSeed(
                    "alice@pixelforge.example",
                    "Alice",
                    "Martin",
                    "a11ce000-0000-4000-8000-000000000002",
                    TokenState.VALID),
            new AppleIdSeed(
                    "bob@pixelforge.example", "Bob", "Chen", "b0b00000-0000-4000-8000-000000000003", TokenState.VALID),
            new AppleIdSeed(
                    "dana@oldstudio.example",
                    "Dana",
                    "Okafor",
                    "de1e7ed0-0000-4000-8000-000000000004",
                    TokenState.EXPIRED),
            new AppleIdSeed(
                    "erin@oldstudio.example",
                    "Erin",
                    "Larsen",
                    "7e70ced0-0000-4000-8000-000000000005",
                    TokenState.REVOKED));

    static final List<KeySeed> KEYS = List.of(
            new KeySeed("100003", "6e0a7c1e-0003-4000-8000-000000100003", "NWG7ADMIN1", "ADMIN"),
            new KeySeed("100004", "6e0a7c1e-0004-4000-8000-000000100004", "BBL5SALES1", "SALES"));

    static final List<AccountSeed> ACCOUNTS = List.of(
            new AccountSeed(
                    "100001",
                    "Pixel Forge Studio",
                    List.of("85000001"),
                    apps(
                            "com.pixelforge",
                            "PF",
                            List.of("85000001"),
                            List.of("Pixel Quest", "Forge Tactics", "Tiny Dungeon", "Retro Racer", "Palette Pro")),
                    List.of(
                            new MemberSeed(
                                    "alice@pixelforge.example", "Alice", "Martin", List.of("ACCOUNT_HOLDER", "ADMIN")),
                            new MemberSeed("bob@pixelforge.example", "Bob", "Chen", List.of("SALES", "MARKETING")))),
            new AccountSeed(
                    "100002",
                    "Alice Martin",
                    List.of("85000002"),
                    apps(
                            "com.alicemartin",
                            "AM",
                            List.of("85000002"),
                            List.of("Habit Garden", "Focus Timer Lite", "Recipe Box")),
                    List.of(new MemberSeed(
                            "alice@pixelforge.example", "Alice", "Martin", List.of("ACCOUNT_HOLDER", "ADMIN")))),
            new AccountSeed(
                    "100003",
                    "Northwind Games",
                    List.of("85000003", "85000004"),
                    apps("com.northwindgames", "NWG", List.of("85000003", "85000004"), northwindTitles()),
                    // The holder has no Reporter token in the demo world: the account is reached by its API key.
                    List.of(new MemberSeed(
                            "nora@northwind.example", "Nora", "Holt", List.of("ACCOUNT_HOLDER", "ADMIN")))),
            new AccountSeed(
                    "100004",
                    "Bluebird Labs",
                    List.of("85000005"),
                    apps(
                            "com.bluebirdlabs",
                            "BBL",
                            List.of("85000005"),
                            List.of("Bluebird Notes", "Sky Journal", "Birdsong ID", "Nestwise Budget")),
                    List.of(
                            new MemberSeed(
                                    "dana@oldstudio.example", "Dana", "Okafor", List.of("ACCOUNT_HOLDER", "ADMIN")),
                            new MemberSeed("erin@oldstudio.example", "Erin", "Larsen", List.of("FINANCE")))));

    private DemoWorld() {}

    /** 230 distinct game titles, the same ones in the same order on every start. */
    private static List<String> northwindTitles() {
        String[] adjectives = {
            "Ancient",
            "Brave",
            "Crystal",
            "Dusty",
            "Electric",
            "Frozen",
            "Golden",
            "Hidden",
            "Iron",
            "Jade",
            "Lucky",
            "Midnight",
            "Neon",
            "Rapid",
            "Silent",
            "Tiny"
        };
        String[] nouns = {
            "Arena", "Blocks", "Castle", "Drift", "Empire", "Farm", "Galaxy", "Harbor", "Island", "Jungle", "Kingdom",
            "Legends", "Maze", "Ninjas", "Orchard"
        };
        List<String> titles = new ArrayList<>();
        for (String noun : nouns) {
            for (String adjective : adjectives) {
                titles.add(adjective + " " + noun);
            }
        }
        return titles.subList(0, 230);
    }

    /**
     * The catalogue of one account. Identifiers and traits come from a seeded generator, so the
     * same title always gets the same Apple ID, SKU, price and popularity.
     */
    private static List<SandboxApp> apps(
            String bundlePrefix, String skuPrefix, List<String> vendors, List<String> titles) {
        SplittableRandom random = new SplittableRandom(bundlePrefix.hashCode());
        Set<String> usedIds = new HashSet<>();
        List<SandboxApp> apps = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i);
            String appleId;
            do {
                appleId = Long.toString(random.nextLong(1_000_000_000L, 2_000_000_000L));
            } while (!usedIds.add(appleId));
            String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
            SandboxApp.Kind kind = SandboxApp.Kind.values()[random.nextInt(SandboxApp.Kind.values().length)];
            String category = bundlePrefix.contains("games") || skuPrefix.equals("PF")
                    ? "Games"
                    : CATEGORIES[random.nextInt(1, CATEGORIES.length)];
            int popularity = skuPrefix.equals("NWG") ? random.nextInt(2, 25) : random.nextInt(8, 90);
            String version = random.nextInt(1, 5) + "." + random.nextInt(0, 12) + "." + random.nextInt(0, 6);
            apps.add(new SandboxApp(
                    appleId,
                    title,
                    bundlePrefix + "." + slug,
                    String.format("%s-%03d-%s", skuPrefix, i + 1, slug.length() > 12 ? slug.substring(0, 12) : slug)
                            .toUpperCase(Locale.ROOT),
                    vendors.get(i % vendors.size()),
                    category,
                    kind,
                    random.nextInt(0, 4),
                    popularity,
                    version));
        }
        return List.copyOf(apps);
    }
}
