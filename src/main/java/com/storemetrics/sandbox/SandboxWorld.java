package com.storemetrics.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Apple's side of the demo world, in memory: Apple IDs and their Reporter tokens, accounts with
 * their apps, members and invitations. Both protocols, the control API and the console read and
 * change it concurrently; every method holds the world's lock, so each sees one consistent state.
 */
@Service
@ConditionalOnSandbox
public class SandboxWorld {

    /** Apple: an invitation lapses three days after it was sent. */
    static final Duration INVITATION_LIFETIME = Duration.ofDays(3);
    /** Apple: a Reporter access token is valid for 180 days. */
    static final Duration TOKEN_LIFETIME = Duration.ofDays(180);
    /** Roles that may read sales reports. */
    static final Set<String> REPORT_ROLES = Set.of("ACCOUNT_HOLDER", "ADMIN", "FINANCE", "SALES");

    private static final class AppleIdState {
        final String email;
        final String firstName;
        final String lastName;
        final String token;
        Instant expiresAt;
        boolean revoked;

        AppleIdState(
                String email, String firstName, String lastName, String token, Instant expiresAt, boolean revoked) {
            this.email = email;
            this.firstName = firstName;
            this.lastName = lastName;
            this.token = token;
            this.expiresAt = expiresAt;
            this.revoked = revoked;
        }
    }

    /** A member of a team, as {@code /v1/users} shows it. */
    record Member(
            String id,
            String email,
            String firstName,
            String lastName,
            List<String> roles,
            boolean allAppsVisible,
            boolean provisioningAllowed) {}

    /** An invitation as Apple keeps it until it is accepted or deleted; expired ones stay, refusing acceptance. */
    record Invitation(
            String id,
            String accountNumber,
            String email,
            String firstName,
            String lastName,
            List<String> roles,
            boolean allAppsVisible,
            boolean provisioningAllowed,
            List<String> visibleAppIds,
            Instant createdAt,
            Instant expiresAt) {

        boolean pendingAt(Instant now) {
            return now.isBefore(expiresAt);
        }
    }

    /** What an invitation needs; the protocols validate their own input before asking. */
    record InvitationDraft(
            String email,
            String firstName,
            String lastName,
            List<String> roles,
            boolean allAppsVisible,
            boolean provisioningAllowed,
            List<String> visibleAppIds) {}

    /** An account's fixed facts: name, vendors and apps never change in the demo world. */
    record AccountFacts(String number, String name, List<String> vendors, List<SandboxApp> apps) {}

    private static final class AccountState {
        final AccountFacts facts;
        final Map<String, Member> membersByEmail = new LinkedHashMap<>();

        AccountState(AccountFacts facts) {
            this.facts = facts;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SandboxWorld.class);

    /** What survives a restart: everything that changes, except faults and rate-limit counters. */
    record SavedWorld(
            Duration clockOffset,
            List<SavedAppleId> appleIds,
            Map<String, List<Member>> members,
            List<Invitation> invitations) {}

    record SavedAppleId(String email, Instant expiresAt, boolean revoked) {}

    private final SandboxClock clock;
    private final SandboxApiKeys apiKeys;
    private final FaultInjector faults;
    private final HourlyRateLimiter rateLimiter;
    private final String serviceAppleId;
    private final ObjectMapper json;
    private final Path stateFile;

    /**
     * The report version Apple insists on per report type; absent for Apple's usual behaviour (Sales:
     * none given or 1_0; the subscription reports: 1_3 or 1_4). Apple once required another Sales
     * version for a while (2024) and then reverted.
     */
    private final Map<ReportType, String> requiredReportVersions = new ConcurrentHashMap<>();

    private final Map<String, AppleIdState> appleIdsByEmail = new LinkedHashMap<>();
    private final Map<String, AccountState> accountsByNumber = new LinkedHashMap<>();
    private final Map<String, Invitation> invitationsById = new LinkedHashMap<>();

    SandboxWorld(
            SandboxClock clock,
            SandboxApiKeys apiKeys,
            FaultInjector faults,
            HourlyRateLimiter rateLimiter,
            @Value("${storemetrics.apple.service-apple-id:integration@storemetrics.example}") String serviceAppleId,
            ObjectMapper json,
            @Value("${storemetrics.sandbox.state-file:}") String stateFile) {
        this.clock = clock;
        this.apiKeys = apiKeys;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.serviceAppleId = serviceAppleId;
        this.json = json;
        this.stateFile = stateFile == null || stateFile.isBlank() ? null : Path.of(stateFile);
        seed();
        restore();
    }

    // ---------------------------------------------------------------- the whole world

    public synchronized WorldSnapshot snapshot() {
        Instant now = clock.now();
        List<WorldSnapshot.AppleId> appleIds = appleIdsByEmail.values().stream()
                .map(id -> new WorldSnapshot.AppleId(
                        id.email,
                        id.firstName + " " + id.lastName,
                        id.token,
                        id.expiresAt,
                        id.revoked,
                        !now.isBefore(id.expiresAt),
                        accountNumbersOf(id.email)))
                .toList();
        List<WorldSnapshot.Account> accounts = accountsByNumber.values().stream()
                .map(account -> new WorldSnapshot.Account(
                        account.facts.number(),
                        account.facts.name(),
                        account.facts.vendors(),
                        account.facts.apps().size(),
                        account.membersByEmail.values().stream()
                                .map(m -> new WorldSnapshot.Member(m.email(), m.firstName(), m.lastName(), m.roles()))
                                .toList(),
                        pending(account.facts.number(), null, now).stream()
                                .map(SandboxWorld::toView)
                                .toList()))
                .toList();
        List<WorldSnapshot.ApiKey> keys = apiKeys.all().stream()
                .map(key -> new WorldSnapshot.ApiKey(
                        key.accountNumber(), key.issuerId(), key.keyId(), key.role(), key.privateKeyPem()))
                .toList();
        WorldSnapshot.Fault fault = faults.current()
                .map(f -> new WorldSnapshot.Fault(
                        f.mode().name(), f.remaining(), f.mode() == FaultInjector.Mode.LATENCY ? f.latencyMs() : null))
                .orElse(null);
        return new WorldSnapshot(now, serviceAppleId, appleIds, accounts, keys, fault, rateLimiter.budget());
    }

    /**
     * Adds accounts without apps, our service user a member of them or not (then it can be invited
     * and accept through the control API as in any account): for harnesses that need a large world
     * (docs/benchmarks.md). Gone again on {@link #reset()}.
     */
    public synchronized void addAccounts(Map<String, String> namesByNumber, boolean serviceUserIsMember) {
        namesByNumber.forEach((number, name) -> {
            AccountState account = new AccountState(new AccountFacts(number, name, List.of(), List.of()));
            if (serviceUserIsMember) {
                account.membersByEmail.put(
                        key(serviceAppleId),
                        new Member(
                                memberId(number, serviceAppleId),
                                serviceAppleId,
                                "Storemetrics",
                                "Integration",
                                List.of("SALES"),
                                true,
                                false));
            }
            accountsByNumber.put(number, account);
        });
    }

    /** Apple starts insisting on this Sales report version ({@code 1_1}), or back to its usual behaviour (null). */
    public void requireSalesReportVersion(String version) {
        requireReportVersion(ReportType.SALES, version);
    }

    /** The Sales report version Apple insists on now, or null. */
    public String requiredSalesReportVersion() {
        return requiredReportVersion(ReportType.SALES);
    }

    /**
     * Apple starts insisting on one version of a report, or back to its usual behaviour (null). The
     * subscription reports can be held to a version the sandbox writes (1_3 or 1_4).
     */
    void requireReportVersion(ReportType type, String version) {
        if (version == null) {
            requiredReportVersions.remove(type);
            return;
        }
        if (!version.matches("[0-9]{1,2}_[0-9]{1,2}")) {
            throw new SandboxRefusal(SandboxRefusal.Reason.INVALID, "version must look like 1_1");
        }
        if (type.isSubscriptionReport() && !SubscriptionReportFiles.VERSIONS.contains(version)) {
            throw new SandboxRefusal(
                    SandboxRefusal.Reason.INVALID,
                    "the sandbox writes the " + type.reporterName + " report in versions "
                            + SubscriptionReportFiles.VERSIONS.stream().sorted().toList() + " only");
        }
        requiredReportVersions.put(type, version);
    }

    /** The version of a report Apple insists on now, or null. */
    String requiredReportVersion(ReportType type) {
        return requiredReportVersions.get(type);
    }

    /** Back to the seeded world: state, clock, faults and rate-limit counters (key pairs stay). */
    public synchronized void reset() {
        clock.reset();
        faults.reset();
        requiredReportVersions.clear();
        rateLimiter.reset();
        seed();
        save();
    }

    /** Moves sandbox time forward (kept across restarts like the rest of the world). */
    public synchronized Instant advanceClock(Duration step) {
        Instant now = clock.advance(step);
        save();
        return now;
    }

    String serviceAppleId() {
        return serviceAppleId;
    }

    // ---------------------------------------------------------------- Reporter tokens

    /** The Apple ID a Reporter token belongs to, if the token is known, unexpired and not revoked. */
    synchronized Optional<String> appleIdOfUsableToken(String token) {
        Instant now = clock.now();
        return appleIdsByEmail.values().stream()
                .filter(id -> id.token.equals(token) && !id.revoked && now.isBefore(id.expiresAt))
                .map(id -> id.email)
                .findFirst();
    }

    /** The accounts an Apple ID is a member of, as {@code Sales.getAccounts} lists them. */
    synchronized List<AccountFacts> accountsOf(String email) {
        return accountsByNumber.values().stream()
                .filter(account -> account.membersByEmail.containsKey(key(email)))
                .map(account -> account.facts)
                .toList();
    }

    synchronized Optional<AccountFacts> account(String accountNumber) {
        return Optional.ofNullable(accountsByNumber.get(accountNumber)).map(account -> account.facts);
    }

    /** The roles of an Apple ID in an account; empty when it is not a member. */
    synchronized List<String> rolesOf(String email, String accountNumber) {
        AccountState account = accountsByNumber.get(accountNumber);
        if (account == null) {
            return List.of();
        }
        Member member = account.membersByEmail.get(key(email));
        return member == null ? List.of() : member.roles();
    }

    public synchronized void revokeToken(String token) {
        tokenOwner(token).revoked = true;
        save();
    }

    public synchronized void expireToken(String token) {
        AppleIdState owner = tokenOwner(token);
        Instant now = clock.now();
        if (owner.expiresAt.isAfter(now)) {
            owner.expiresAt = now;
        }
        save();
    }

    private AppleIdState tokenOwner(String token) {
        return appleIdsByEmail.values().stream()
                .filter(id -> id.token.equals(token))
                .findFirst()
                .orElseThrow(() -> new SandboxRefusal(SandboxRefusal.Reason.NOT_FOUND, "No such access token"));
    }

    // ---------------------------------------------------------------- members

    synchronized List<Member> members(String accountNumber) {
        return List.copyOf(requireAccount(accountNumber).membersByEmail.values());
    }

    /** The account holder (or an Admin) removes a user; the user's Reporter token stops listing the account. */
    public synchronized void removeMember(String accountNumber, String email) {
        AccountState account = requireAccount(accountNumber);
        Member member = account.membersByEmail.get(key(email));
        if (member == null) {
            throw new SandboxRefusal(SandboxRefusal.Reason.NOT_FOUND, email + " is not a member of " + accountNumber);
        }
        if (member.roles().contains("ACCOUNT_HOLDER")) {
            throw new SandboxRefusal(SandboxRefusal.Reason.CONFLICT, "The Account Holder cannot be removed");
        }
        account.membersByEmail.remove(key(email));
        save();
    }

    /** Roles that may read Financial reports (Apple's role permissions table): not Sales alone. */
    static final Set<String> FINANCE_ROLES = Set.of("ACCOUNT_HOLDER", "ADMIN", "FINANCE");

    /** Roles an Admin may give in Users and Access (the Account Holder role is never given). */
    static final Set<String> GRANTABLE_ROLES = Set.of(
            "ADMIN", "FINANCE", "SALES", "MARKETING", "APP_MANAGER", "DEVELOPER", "CUSTOMER_SUPPORT", "CREATE_APPS");

    /**
     * The Account Holder (or an Admin) edits a member's roles in Users and Access; Apple applies the
     * change to reports at once here (a peer says it can take Apple a day). The Account Holder's roles
     * stay, and nobody else becomes Account Holder.
     */
    public synchronized WorldSnapshot.Member changeRoles(String accountNumber, String email, List<String> roles) {
        AccountState account = requireAccount(accountNumber);
        Member member = account.membersByEmail.get(key(email));
        if (member == null) {
            throw new SandboxRefusal(SandboxRefusal.Reason.NOT_FOUND, email + " is not a member of " + accountNumber);
        }
        if (member.roles().contains("ACCOUNT_HOLDER")) {
            throw new SandboxRefusal(SandboxRefusal.Reason.CONFLICT, "The Account Holder's roles cannot be changed");
        }
        if (roles == null || roles.isEmpty()) {
            throw new SandboxRefusal(SandboxRefusal.Reason.INVALID, "roles must name at least one role");
        }
        List<String> unknown =
                roles.stream().filter(role -> !GRANTABLE_ROLES.contains(role)).toList();
        if (!unknown.isEmpty()) {
            throw new SandboxRefusal(
                    SandboxRefusal.Reason.INVALID,
                    "roles must be among " + GRANTABLE_ROLES.stream().sorted().toList() + ", not " + unknown);
        }
        Member changed = new Member(
                member.id(),
                member.email(),
                member.firstName(),
                member.lastName(),
                roles.stream().distinct().toList(),
                member.allAppsVisible(),
                member.provisioningAllowed());
        account.membersByEmail.put(key(email), changed);
        save();
        return new WorldSnapshot.Member(changed.email(), changed.firstName(), changed.lastName(), changed.roles());
    }

    // ---------------------------------------------------------------- invitations

    /**
     * Sends an invitation. Refused with CONFLICT when that e-mail is already a member (message says
     * "already a member") or has a pending invitation here ("already invited").
     */
    synchronized Invitation invite(String accountNumber, InvitationDraft draft) {
        AccountState account = requireAccount(accountNumber);
        Instant now = clock.now();
        if (account.membersByEmail.containsKey(key(draft.email()))) {
            throw new SandboxRefusal(
                    SandboxRefusal.Reason.CONFLICT, draft.email() + " is already a member of this team.");
        }
        if (!pending(accountNumber, draft.email(), now).isEmpty()) {
            throw new SandboxRefusal(
                    SandboxRefusal.Reason.CONFLICT, draft.email() + " has already been invited to this team.");
        }
        Invitation invitation = new Invitation(
                UUID.randomUUID().toString(),
                accountNumber,
                draft.email(),
                draft.firstName(),
                draft.lastName(),
                List.copyOf(draft.roles()),
                draft.allAppsVisible(),
                draft.provisioningAllowed(),
                List.copyOf(draft.visibleAppIds()),
                now,
                now.plus(INVITATION_LIFETIME));
        invitationsById.put(invitation.id(), invitation);
        save();
        return invitation;
    }

    /** The account holder invites someone from the console (all apps visible, like the web form's default). */
    public synchronized WorldSnapshot.Invitation inviteFromConsole(
            String accountNumber, String email, List<String> roles) {
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new SandboxRefusal(SandboxRefusal.Reason.INVALID, "email must be an e-mail address");
        }
        if (roles == null || roles.isEmpty()) {
            throw new SandboxRefusal(SandboxRefusal.Reason.INVALID, "roles must name at least one role");
        }
        String firstName =
                email.equalsIgnoreCase(serviceAppleId) ? "Storemetrics" : email.substring(0, email.indexOf('@'));
        String lastName = email.equalsIgnoreCase(serviceAppleId) ? "Integration" : "";
        return toView(
                invite(accountNumber, new InvitationDraft(email, firstName, lastName, roles, true, false, List.of())));
    }

    /** Pending invitations of an account, optionally for one e-mail. */
    synchronized List<Invitation> pendingInvitations(String accountNumber, String email) {
        return pending(accountNumber, email, clock.now());
    }

    /** The invitee follows the e-mail's link: becomes a member, and the invitation is gone. */
    public synchronized WorldSnapshot.Member acceptInvitation(String invitationId) {
        Invitation invitation = requireInvitation(invitationId);
        if (!invitation.pendingAt(clock.now())) {
            throw new SandboxRefusal(SandboxRefusal.Reason.CONFLICT, "The invitation has expired");
        }
        AccountState account = requireAccount(invitation.accountNumber());
        Member member = new Member(
                memberId(invitation.accountNumber(), invitation.email()),
                invitation.email(),
                invitation.firstName(),
                invitation.lastName(),
                invitation.roles(),
                invitation.allAppsVisible(),
                invitation.provisioningAllowed());
        account.membersByEmail.put(key(invitation.email()), member);
        invitationsById.remove(invitationId);
        save();
        return new WorldSnapshot.Member(member.email(), member.firstName(), member.lastName(), member.roles());
    }

    /** Lets an invitation lapse now, as if its three days had passed. */
    public synchronized WorldSnapshot.Invitation expireInvitation(String invitationId) {
        Invitation invitation = requireInvitation(invitationId);
        Instant now = clock.now();
        if (invitation.pendingAt(now)) {
            invitation = new Invitation(
                    invitation.id(),
                    invitation.accountNumber(),
                    invitation.email(),
                    invitation.firstName(),
                    invitation.lastName(),
                    invitation.roles(),
                    invitation.allAppsVisible(),
                    invitation.provisioningAllowed(),
                    invitation.visibleAppIds(),
                    invitation.createdAt(),
                    now);
            invitationsById.put(invitationId, invitation);
            save();
        }
        return toView(invitation);
    }

    /** {@code DELETE /v1/userInvitations/{id}} by a key of that team: only pending invitations exist there. */
    synchronized void deleteInvitation(String accountNumber, String invitationId) {
        Invitation invitation = invitationsById.get(invitationId);
        if (invitation == null
                || !invitation.accountNumber().equals(accountNumber)
                || !invitation.pendingAt(clock.now())) {
            throw new SandboxRefusal(SandboxRefusal.Reason.NOT_FOUND, "There is no invitation with id " + invitationId);
        }
        invitationsById.remove(invitationId);
        save();
    }

    private List<Invitation> pending(String accountNumber, String email, Instant now) {
        return invitationsById.values().stream()
                .filter(i -> i.accountNumber().equals(accountNumber) && i.pendingAt(now))
                .filter(i -> email == null || i.email().equalsIgnoreCase(email))
                .toList();
    }

    private Invitation requireInvitation(String invitationId) {
        Invitation invitation = invitationsById.get(invitationId);
        if (invitation == null) {
            throw new SandboxRefusal(
                    SandboxRefusal.Reason.NOT_FOUND,
                    "No invitation " + invitationId + " (unknown, or already accepted or deleted)");
        }
        return invitation;
    }

    private AccountState requireAccount(String accountNumber) {
        AccountState account = accountsByNumber.get(accountNumber);
        if (account == null) {
            throw new SandboxRefusal(SandboxRefusal.Reason.NOT_FOUND, "No account " + accountNumber);
        }
        return account;
    }

    private List<String> accountNumbersOf(String email) {
        return accountsByNumber.values().stream()
                .filter(account -> account.membersByEmail.containsKey(key(email)))
                .map(account -> account.facts.number())
                .toList();
    }

    private static WorldSnapshot.Invitation toView(Invitation i) {
        return new WorldSnapshot.Invitation(
                i.id(),
                i.accountNumber(),
                i.email(),
                i.firstName(),
                i.lastName(),
                i.roles(),
                i.createdAt(),
                i.expiresAt());
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** Stable user ids, so {@code /v1/users} answers the same ids on every start. */
    private static String memberId(String accountNumber, String email) {
        return UUID.nameUUIDFromBytes((accountNumber + "/" + key(email)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Writes the world beside the database (development); nothing without a state file. */
    private void save() {
        if (stateFile == null) {
            return;
        }
        SavedWorld saved = new SavedWorld(
                clock.offset(),
                appleIdsByEmail.values().stream()
                        .map(id -> new SavedAppleId(id.email, id.expiresAt, id.revoked))
                        .toList(),
                accountsByNumber.entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey,
                                entry -> List.copyOf(
                                        entry.getValue().membersByEmail.values()),
                                (a, b) -> a,
                                LinkedHashMap::new)),
                List.copyOf(invitationsById.values()));
        try {
            Path parent = stateFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "sandbox-world", ".tmp");
            json.writeValue(temporary.toFile(), saved);
            Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not save the sandbox's world to {}: {}", stateFile, e.toString());
        }
    }

    /** Takes up the world as it was saved, over the fresh seed; a missing or unreadable file keeps the seed. */
    private void restore() {
        if (stateFile == null || !Files.isRegularFile(stateFile)) {
            return;
        }
        try {
            SavedWorld saved = json.readValue(stateFile.toFile(), SavedWorld.class);
            if (!clock.restoreOffset(saved.clockOffset())) {
                log.warn(
                        "The sandbox's saved clock offset {} is out of bounds (at most {}): sandbox time starts from now",
                        saved.clockOffset(),
                        SandboxClock.MAX_OFFSET);
            }
            for (SavedAppleId id : saved.appleIds()) {
                AppleIdState state = appleIdsByEmail.get(key(id.email()));
                if (state != null) {
                    state.expiresAt = id.expiresAt();
                    state.revoked = id.revoked();
                }
            }
            saved.members().forEach((number, members) -> {
                AccountState account = accountsByNumber.get(number);
                if (account != null) {
                    account.membersByEmail.clear();
                    members.forEach(member -> account.membersByEmail.put(key(member.email()), member));
                }
            });
            saved.invitations().forEach(invitation -> invitationsById.put(invitation.id(), invitation));
            log.info(
                    "Sandbox world restored from {} (Reset on the console or POST /control/reset restores the seed)",
                    stateFile);
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "Could not read the sandbox's saved world at {}, starting from the seed: {}",
                    stateFile,
                    e.toString());
        }
    }

    private void seed() {
        Instant now = clock.now();
        appleIdsByEmail.clear();
        accountsByNumber.clear();
        invitationsById.clear();
        appleIdsByEmail.put(
                key(serviceAppleId),
                new AppleIdState(
                        serviceAppleId,
                        "Storemetrics",
                        "Integration",
                        DemoWorld.SERVICE_ACCESS_TOKEN,
                        now.plus(TOKEN_LIFETIME),
                        false));
        for (DemoWorld.AppleIdSeed seed : DemoWorld.APPLE_IDS) {
            // Tokens were generated a while ago; the expired one lapsed ten days ago.
            Instant expiresAt = seed.state() == DemoWorld.TokenState.EXPIRED
                    ? now.minus(Duration.ofDays(10))
                    : now.plus(TOKEN_LIFETIME).minus(Duration.ofDays(30));
            appleIdsByEmail.put(
                    key(seed.email()),
                    new AppleIdState(
                            seed.email(),
                            seed.firstName(),
                            seed.lastName(),
                            seed.token(),
                            expiresAt,
                            seed.state() == DemoWorld.TokenState.REVOKED));
        }
        for (DemoWorld.AccountSeed seed : DemoWorld.ACCOUNTS) {
            AccountState account =
                    new AccountState(new AccountFacts(seed.number(), seed.name(), seed.vendors(), seed.apps()));
            for (DemoWorld.MemberSeed member : seed.members()) {
                account.membersByEmail.put(
                        key(member.email()),
                        new Member(
                                memberId(seed.number(), member.email()),
                                member.email(),
                                member.firstName(),
                                member.lastName(),
                                member.roles(),
                                true,
                                member.roles().contains("ADMIN")));
            }
            accountsByNumber.put(seed.number(), account);
        }
    }
}
