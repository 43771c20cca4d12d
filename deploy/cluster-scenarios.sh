# Fault scenarios of issue 28 for deploy/cluster (sourced by it: uses its sql, RUN, N1, N2, ...).
# Each one prints counts from PostgreSQL (and from the sandbox's mail server) before and after a
# `kill -9` or a database restart, so "nothing lost, nothing doubled" is counted, not asserted.
# Every scenario waits until node 1 or node 2 holds the work in question (db-scheduler's picked
# execution), kills that node and starts it again afterwards. The sandbox (Apple's stand-in and
# the mail server the scenarios count with) runs in a JVM of its own and is never killed.

CUSTOMERS=${CLUSTER_CUSTOMERS:-200}

epoch_ms() { date +%s%3N; }
secs_since() { awk -v a="$1" -v b="$(epoch_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
say() { log "[$SCENARIO] $*"; }

control() { # method path [json]
    curl -s -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "$CONTROL$2"
    echo
}

# The node holding a picked execution of one of the tasks (a db-scheduler row: picked, picked_by).
picked_by() { sql "SELECT picked_by FROM scheduled_tasks WHERE picked AND task_name IN ($1) LIMIT 1"; }

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

kill_node() { # name
    local pid
    pid=$(cat "$RUN/$1.pid")
    kill -9 "$pid"
    KILLED_AT=$(epoch_ms)
    KILLED=$1
    say "kill -9 $1 (pid $pid) at $(date -u +%H:%M:%S.%3N), load average $(load_average)"
}

restart_killed() {
    "start_$KILLED"
    wait_ready "http://localhost:$([[ $KILLED == node1 ]] && echo 8081 || echo 8082)" "$KILLED" 300
    say "$KILLED ready again"
}

# Waits (up to $2 s) until node 1 or 2 holds a picked execution of the tasks $1 while condition $3
# holds; PICKED names it.
await_pick() {
    local deadline=$((SECONDS + $2))
    while ((SECONDS < deadline)); do
        PICKED=$(picked_by "$1")
        if [[ $PICKED == node1 || $PICKED == node2 ]] && eval "$3"; then return 0; fi
        sleep 0.05
    done
    return 1
}

picked_now() { sql "SELECT task_name || ' by ' || picked_by FROM scheduled_tasks WHERE picked" | paste -sd ';'; }

# Alice connects Pixel Forge Studio (100001) and Alice Martin (100002) in Chromium, through HAProxy
# (both Pending: nobody invited our service Apple ID yet). Then CUSTOMERS more customers (cust001,
# ..., cust999, cust1000, ... as seq -f 'cust%03g' names them; password alice's, address
# custNNN@load.example) get a Pending integration of Pixel Forge Studio: copies of alice's rows, as
# if each had connected it too (the dialog's own write path is the one alice's rows went through;
# copying them is the fixture, not a second write path).
fixture() {
    local alice
    alice=$(sql "SELECT id FROM app_user WHERE username = 'alice'")
    local tries=0
    # The dialog's account step re-renders as it settles and a tick can be lost: what is missing is
    # connected again (ConnectForLoad skips what alice has).
    while [[ $(sql "SELECT count(*) FROM integration WHERE customer_id = $alice") -lt 2 ]]; do
        ((tries++ < 3)) || die "alice's two accounts are not connected after 3 tries: $RUN/logs/connect.log"
        say "alice connects 100001 and 100002 in Chromium (ConnectForLoad)"
        java -cp "$(bench_classpath)" com.storemetrics.bench.load.ConnectForLoad --base=$PROXY \
            >> "$RUN/logs/connect.log" 2>&1 || say "ConnectForLoad failed: $RUN/logs/connect.log"
    done
    [[ $(sql "SELECT count(*) FROM integration i JOIN store_account a ON a.id = i.account_id
              WHERE i.customer_id = $alice AND a.account_number = '100001' AND i.status = 'PENDING'") -eq 1 ]] \
        || [[ $(sql "SELECT count(*) FROM app_user WHERE username LIKE 'cust%'") -gt 0 ]] \
        || die "alice's Pixel Forge Studio is not Pending: the fixture needs a fresh cluster (down, up)"
    local cols
    cols=$(sql "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
                WHERE table_name = 'integration' AND column_name NOT IN ('id', 'customer_id')")
    sql "INSERT INTO app_user (username, display_name, password_hash, role, email)
         SELECT 'cust' || n, 'Customer ' || g, password_hash, role, 'cust' || n || '@load.example'
         FROM app_user, generate_series(1, $CUSTOMERS) g,
              LATERAL (SELECT CASE WHEN g < 1000 THEN lpad(g::text, 3, '0') ELSE g::text END AS n) name
         WHERE username = 'alice'
         ON CONFLICT (username) DO NOTHING"
    sql "INSERT INTO integration (customer_id, $cols)
         SELECT u.id, $(sed 's/\([a-z_]\+\)/i.\1/g' <<< "$cols")
         FROM integration i JOIN store_account a ON a.id = i.account_id, app_user u
         WHERE i.customer_id = $alice AND a.account_number = '100001' AND i.status = 'PENDING'
           AND u.username LIKE 'cust%'
           AND NOT EXISTS (SELECT 1 FROM integration j WHERE j.customer_id = u.id)"
    sql "INSERT INTO integration_event (integration_id, occurred_at, from_status, to_status, reason, actor_kind, actor_name)
         SELECT n.id, e.occurred_at, e.from_status, e.to_status, e.reason, e.actor_kind, e.actor_name
         FROM integration n JOIN app_user u ON u.id = n.customer_id AND u.username LIKE 'cust%'
         JOIN integration i ON i.customer_id = $alice AND i.account_id = n.account_id
         JOIN integration_event e ON e.integration_id = i.id AND e.to_status = 'PENDING'
         WHERE NOT EXISTS (SELECT 1 FROM integration_event x WHERE x.integration_id = n.id)"
    say "fixture: $(sql "SELECT a.account_number || ' ' || i.status || ' ' || count(*) FROM integration i
                         JOIN store_account a ON a.id = i.account_id GROUP BY a.account_number, i.status ORDER BY 1" | paste -sd ';')"
}

integration_counts() { # account number
    sql "SELECT i.status || ' ' || count(*) FROM integration i JOIN store_account a ON a.id = i.account_id
         WHERE a.account_number = '$1' GROUP BY i.status ORDER BY 1" | paste -sd ';'
}

# Per integration of the account: how many history rows record a change to STATUS.
status_changes_once() { # account status
    sql "SELECT 'integrations ' || count(*)
              || ', with exactly one change to $2: ' || count(*) FILTER (WHERE n = 1)
              || ', with none: ' || count(*) FILTER (WHERE n = 0)
              || ', with more than one: ' || count(*) FILTER (WHERE n > 1)
         FROM (SELECT i.id, count(e.id) AS n FROM integration i
               JOIN store_account a ON a.id = i.account_id AND a.account_number = '$1'
               LEFT JOIN integration_event e ON e.integration_id = i.id AND e.to_status = '$2'
               GROUP BY i.id) c"
}

# (c) kill -9 during a verifier cycle that approves CUSTOMERS + 1 Pending integrations.
scenario_c() {
    fixture
    say "before: 100001 $(integration_counts 100001); $(status_changes_once 100001 APPROVED)"
    # Apple (the sandbox) answers each call 1.5 s late, so a cycle lasts seconds and can be caught.
    control POST /faults '{"mode":"LATENCY","count":40,"latencyMs":1500}' > /dev/null
    local invited
    invited=$(epoch_ms)
    # The next check after the invitation approves: wait until none runs, invite, catch the next.
    local tasks="'membership-check','membership-check-soon'"
    while [[ -n $(picked_by "$tasks") ]]; do sleep 0.05; done
    control POST /accounts/100001/invitations "{\"email\":\"$SERVICE_APPLE_ID\",\"roles\":[\"SALES\"]}" > /dev/null
    say "invited the service Apple ID to 100001; waiting for the next membership check"
    if ! await_pick "$tasks" 120 "true"; then
        say "NOT CAUGHT: no membership check ran"
        control DELETE /faults > /dev/null
        return 1
    fi
    kill_node "$PICKED"
    say "at the kill: 100001 $(integration_counts 100001); picked: $(picked_now)"
    local deadline=$((SECONDS + 240))
    until [[ $(sql "SELECT count(*) FROM integration i JOIN store_account a ON a.id = i.account_id
                    WHERE a.account_number = '100001' AND i.status = 'PENDING'") -eq 0 ]]; do
        ((SECONDS < deadline)) || { say "still Pending 240 s after the kill"; break; }
        sleep 0.5
    done
    say "every row left Pending $(secs_since "$KILLED_AT") s after the kill ($(secs_since "$invited") s after the invitation)"
    control DELETE /faults > /dev/null
    say "after: 100001 $(integration_counts 100001); $(status_changes_once 100001 APPROVED)"
    say "approved notices in the outbox: $(sql "SELECT count(*) || ' for ' || count(DISTINCT user_id) || ' customers' FROM notice_outbox WHERE kind = 'APPROVED'")"
    say "log lines of the cycles since: $(grep -h 'Verifier cycle' "$RUN"/logs/node[12].log | grep -v ' 0 approved' | tail -3 | cut -c1-24,150-260 | paste -sd '|')"
    restart_killed
}

# (a) kill -9 during the Sales back-fill of an account approved just now (Alice Martin, 100002).
day_counts() { # account id
    sql "SELECT 'day reports ' || coalesce(sum(n), 0) || ' (' || coalesce(string_agg(report || ' ' || status || ' ' || n, ', '), '') || ')'
         FROM (SELECT report, status, count(*) AS n FROM metrics_day_import WHERE account_id = $1 GROUP BY 1, 2 ORDER BY 1, 2) s"
}

stamp() { sed "s/^/$(date -u +%H:%M:%S) [$SCENARIO] /"; }

scenario_a() {
    fixture
    local account
    account=$(sql "SELECT id FROM store_account WHERE account_number = '100002'")
    say "before: 100002 $(integration_counts 100002); $(day_counts "$account")"
    local invited
    invited=$(epoch_ms)
    if [[ $(integration_counts 100002) == *PENDING* ]]; then
        control POST /accounts/100002/invitations "{\"email\":\"$SERVICE_APPLE_ID\",\"roles\":[\"SALES\"]}" > /dev/null
        say "invited the service Apple ID to 100002"
    fi
    local imported="sql \"SELECT count(*) FROM metrics_day_import WHERE account_id = $account\""
    local tries=0 caught=""
    while ((tries < 4)) && [[ -z $caught ]]; do
        tries=$((tries + 1))
        local floor
        floor=$(($(eval "$imported") + 10))
        say "waiting for an import batch once 100002 has $floor day reports"
        if ! await_pick "'metrics-import','metrics-import-soon'" 240 "[[ \$($imported) -ge $floor ]]"; then
            say "NOT CAUGHT: no import batch of 100002 ran"
            return 1
        fi
        kill_node "$PICKED"
        local held
        held=$(picked_now)
        if [[ $held == *"by $KILLED"* ]]; then
            caught=yes
        else
            say "the batch had ended before the kill (picked: ${held:-nothing}); again"
            restart_killed
        fi
    done
    [[ -n $caught ]] || { say "NOT CAUGHT in 4 tries"; return 1; }
    local at_kill last now stalled_until=""
    at_kill=$(eval "$imported")
    say "at the kill: $(day_counts "$account"); picked: $(picked_now)"
    last=$at_kill
    local deadline=$((SECONDS + 300)) quiet=0
    while ((SECONDS < deadline)); do
        sleep 1
        now=$(eval "$imported")
        if [[ -z $stalled_until && $now -gt $at_kill ]]; then
            stalled_until=$(secs_since "$KILLED_AT")
            say "import resumed $stalled_until s after the kill (by $(picked_by "'metrics-import','metrics-import-soon'"))"
        fi
        if [[ $now -eq $last ]]; then quiet=$((quiet + 1)); else quiet=0; fi
        last=$now
        # Done (or paced: the importer's share of Apple's hourly budget) once nothing is new for 20 s after resuming.
        [[ -n $stalled_until ]] && ((quiet >= 20)) && break
    done
    say "counted $(secs_since "$KILLED_AT") s after the kill: $(day_counts "$account")"
    sql "SELECT report || ': report days ' || min(report_date) || ' .. ' || max(report_date)
              || ', expected ' || (max(report_date) - min(report_date) + 1)
              || ', present ' || count(DISTINCT report_date)
              || ', rows per (account, vendor, report, day) max ' || max(n)
              || ', days read more than once ' || count(*) FILTER (WHERE attempts > 1)
         FROM (SELECT report, report_date, attempts,
                      count(*) OVER (PARTITION BY account_id, vendor_number, report, report_date) AS n
               FROM metrics_day_import WHERE account_id = $account) d GROUP BY report" | stamp
    # A day imported twice would double its units in one table and not in the others (each day is
    # replaced, never added to): the grain and both roll-ups must agree day by day.
    sql "SELECT 'Sales days compared between metrics_daily and its two roll-ups: ' || count(*)
              || ', units differing: ' || count(*) FILTER (WHERE d_units <> a_units OR d_units <> c_units)
              || ' (units in all: ' || coalesce(sum(d_units), 0) || ')'
         FROM (SELECT d.report_date, d.units AS d_units, a.units AS a_units, c.units AS c_units
               FROM (SELECT report_date, sum(units) AS units FROM metrics_daily WHERE account_id = $account GROUP BY 1) d
               JOIN (SELECT report_date, sum(units) AS units FROM metrics_app_day WHERE account_id = $account GROUP BY 1) a USING (report_date)
               JOIN (SELECT report_date, sum(units) AS units FROM metrics_country_day WHERE account_id = $account GROUP BY 1) c USING (report_date)) x" | stamp
    sql "SELECT 'Sales days with DATA: ' || count(*) FILTER (WHERE status = 'DATA') || ', of them without rows in metrics_daily: '
              || count(*) FILTER (WHERE status = 'DATA' AND NOT EXISTS (SELECT 1 FROM metrics_daily m
                  WHERE m.account_id = i.account_id AND m.vendor_number = i.vendor_number AND m.report_date = i.report_date))
         FROM metrics_day_import i WHERE account_id = $account AND report = 'SALES'" | stamp
    say "day reports read per minute: $(sql "SELECT to_char(date_trunc('minute', fetched_at), 'HH24:MI') || ' ' || count(*) FROM metrics_day_import WHERE account_id = $account GROUP BY date_trunc('minute', fetched_at) ORDER BY date_trunc('minute', fetched_at)" | paste -sd ';')"
    restart_killed
}

# (b) kill -9 during the burst of removal e-mails to 100001's customers.
outbox_counts() { # kind
    sql "SELECT coalesce(string_agg(state || ' ' || n, ', ' ORDER BY state), 'none')
         FROM (SELECT state, count(*) AS n FROM notice_outbox WHERE kind = '$1' GROUP BY state) s"
}

# How many e-mails the sandbox's mail server holds for each message of KIND: every recipient's
# mailbox (IMAP, login and password are the address) is read for the Message-IDs the outbox gives
# its e-mails (<notice-LEAD@storemetrics>, LEAD the group's first message).
mail_counts() { # kind
    local rows=$RUN/mail-$1.txt
    : > "$rows"
    while read -r id lead recipient state; do
        local got
        got=$(curl -s --max-time 10 -u "$recipient:$recipient" "imap://127.0.0.1:$IMAP_PORT/INBOX" \
            -X 'FETCH 1:* (ENVELOPE)' 2> /dev/null \
            | grep -ci "<notice-$lead@storemetrics>" || true)
        echo "$id $state $got" >> "$rows"
    done < <(sql "SELECT id, coalesce(group_lead, id), recipient, state FROM notice_outbox WHERE kind = '$1' ORDER BY id")
    awk '{ n[$2 " received " ($3 > 1 ? ">1" : $3)]++ } END { for (k in n) printf "%s: %d; ", k, n[k]; print "" }' "$rows"
}

scenario_b() {
    local tasks="'mail-delivery'"
    say "before: 100001 $(integration_counts 100001); REMOVED notices: $(outbox_counts REMOVED)"
    control DELETE "/accounts/100001/users/$SERVICE_APPLE_ID" > /dev/null
    local removed_at
    removed_at=$(epoch_ms)
    say "removed the service Apple ID from 100001 at Apple; waiting for the removal notices"
    local deadline=$((SECONDS + 300))
    until [[ $(sql "SELECT count(*) FROM notice_outbox WHERE kind = 'REMOVED'") -gt $CUSTOMERS ]]; do
        ((SECONDS < deadline)) || { say "NOT CAUGHT: no removal notices 300 s after the removal"; return 1; }
        sleep 0.5
    done
    say "$(secs_since "$removed_at") s: notices written: $(outbox_counts REMOVED); 100001 $(integration_counts 100001)"
    # Each e-mail leaves a group window (60 s) after its notice; kill the node sending them.
    local sent="sql \"SELECT count(*) FROM notice_outbox WHERE kind = 'REMOVED' AND state = 'SENT'\""
    if ! await_pick "$tasks" 240 "[[ \$($sent) -ge 1 ]]"; then
        say "NOT CAUGHT: no delivery run while the removal e-mails went out"
        return 1
    fi
    kill_node "$PICKED"
    say "at the kill: $(outbox_counts REMOVED); picked: $(picked_now)"
    # A message the dead node had claimed (SENDING) turns UNKNOWN after storemetrics.mail.unknown-after (5 min).
    deadline=$((SECONDS + 480))
    local resumed=""
    until [[ $(sql "SELECT count(*) FROM notice_outbox WHERE kind = 'REMOVED' AND state IN ('PENDING', 'SENDING')") -eq 0 ]]; do
        if [[ -z $resumed && $(sql "SELECT count(*) FROM notice_outbox WHERE kind = 'REMOVED' AND attempted_at > to_timestamp($KILLED_AT / 1000.0)") -gt 0 ]]; then
            resumed=$(secs_since "$KILLED_AT")
            say "delivery resumed $resumed s after the kill (by $(picked_by "$tasks"))"
        fi
        ((SECONDS < deadline)) || { say "still PENDING or SENDING 480 s after the kill: $(outbox_counts REMOVED)"; break; }
        sleep 1
    done
    say "every removal notice final $(secs_since "$KILLED_AT") s after the kill: $(outbox_counts REMOVED)"
    say "e-mails in the mail server per notice (state, received): $(mail_counts REMOVED)"
    say "e-mails the sandbox's mail server logged receiving since the removal: $(grep -c 'notice-' "$RUN/logs/sandbox.log" || true) lines naming a notice"
    restart_killed
}

# (d) pg_ctl restart under two nodes whose pages are open (the load harness through HAProxy), then a
# removal at Apple (100002, alice's) that must reach alice's open pages on both nodes.
scenario_d() {
    local users=${CLUSTER_D_USERS:-20}
    say "before: LISTEN connections $(sql "SELECT count(*) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%'"); 100002 $(integration_counts 100002)"
    java -Xmx512m -cp "$(bench_classpath)" com.storemetrics.bench.load.VaadinLoadBenchmark --base=$PROXY \
        --control=$SANDBOX --users="$users" --ramp=10 --duration=150 --think=5-15 \
        --customers=alice:alice-demo-2026 --triggers=remove:100002 --trigger-at=70 \
        > "$RUN/logs/harness-d.log" 2>&1 &
    echo $! > "$RUN/harness.pid"
    sleep 35
    say "open push connections HAProxy -> node1 $(ss -Htn state established '( dport = :8081 )' | wc -l), -> node2 $(ss -Htn state established '( dport = :8082 )' | wc -l)"
    local t0
    t0=$(epoch_ms)
    say "pg_ctl restart (load average $(load_average))"
    as_pg "$PG_BIN/pg_ctl" -D "$RUN/pg/data" -m fast -w restart > /dev/null
    head -1 "$RUN/pg/data/postmaster.pid" > "$RUN/postgres.pid"
    say "PostgreSQL accepts connections again $(secs_since "$t0") s after the restart began"
    local n1="" n2="" listen=""
    local deadline=$((SECONDS + 120))
    while ((SECONDS < deadline)) && [[ -z $n1 || -z $n2 || -z $listen ]]; do
        [[ -z $n1 ]] && curl -sf --max-time 2 $N1/login > /dev/null && ready $N1 && n1=$(secs_since "$t0")
        [[ -z $n2 ]] && curl -sf --max-time 2 $N2/login > /dev/null && ready $N2 && n2=$(secs_since "$t0")
        [[ -z $listen && $(sql "SELECT count(*) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%'" 2> /dev/null || echo 0) -ge 2 ]] && listen=$(secs_since "$t0")
        sleep 0.2
    done
    say "after the restart: node1 ready and serving ${n1:-NOT} s, node2 ${n2:-NOT} s, both LISTEN connections back ${listen:-NOT} s"
    say "node logs about the listener: $(grep -h -i 'listen\|signal' "$RUN"/logs/node[12].log | grep -i 'reconnect\|lost\|listening\|again' | tail -4 | cut -c1-24,120-240 | paste -sd '|')"
    say "waiting for the harness (the removal at 70 s into its hold, then the end of the hold)"
    wait "$(cat "$RUN/harness.pid")" || true
    rm -f "$RUN/harness.pid"
    grep -E "^==|push latency|errors|error" "$RUN/logs/harness-d.log" | sed "s/^/$(date -u +%H:%M:%S) [$SCENARIO] harness: /"
    say "after: 100002 $(integration_counts 100002)"
}

# (e) scenario a with the load harness running through HAProxy: sessions on the killed node break;
# the harness records what their client was answered and how long until each works again.
scenario_e() {
    local users=${CLUSTER_E_USERS:-40} customers
    fixture
    customers=$(seq -f 'cust%03g:alice-demo-2026' 1 "$users" | paste -sd ,)
    java -Xmx512m -cp "$(bench_classpath)" com.storemetrics.bench.load.VaadinLoadBenchmark --base=$PROXY \
        --control=$SANDBOX --users="$users" --ramp=20 --duration="${CLUSTER_E_HOLD:-300}" --think=5-15 \
        --customers="$customers" --rejoin=true > "$RUN/logs/harness-e.log" 2>&1 &
    echo $! > "$RUN/harness.pid"
    say "load harness: $users customers through HAProxy, rejoining after a break (log $RUN/logs/harness-e.log)"
    sleep 40
    say "open push connections HAProxy -> node1 $(ss -Htn state established '( dport = :8081 )' | wc -l), -> node2 $(ss -Htn state established '( dport = :8082 )' | wc -l)"
    SCENARIO=a
    scenario_a || true
    SCENARIO=e
    say "waiting for the harness to end its hold"
    wait "$(cat "$RUN/harness.pid")" || true
    rm -f "$RUN/harness.pid"
    grep -E "^==|^  |errors" "$RUN/logs/harness-e.log" | sed "s/^/$(date -u +%H:%M:%S) [$SCENARIO] harness: /"
}

# (f) Apple misbehaving under load: the harness's customers on both nodes through HAProxy while
# Apple (the sandbox) answers 429, then 500, then 3 s late, each for FAULT_SECONDS. Counted before
# and after: every integration's status, the history rows, the notices (nothing may change: a fault
# is not an answer about anyone's membership); the verifier's failures and back-off; day reports
# stored while Apple answered 429 (none once the pause every node honours began); the importer's
# requests this clock hour against its share (metrics_pacing, one row shared by both nodes).
all_statuses() {
    sql "SELECT a.account_number || ' ' || i.status || ' ' || count(*) FROM integration i
         JOIN store_account a ON a.id = i.account_id GROUP BY a.account_number, i.status ORDER BY 1" | paste -sd ';'
}
history_and_notices() {
    sql "SELECT 'history rows ' || (SELECT count(*) FROM integration_event) || ', customer notices '
              || (SELECT count(*) FROM customer_notice) || ', e-mails queued ' || (SELECT count(*) FROM notice_outbox)"
}
verifier_state() {
    sql "SELECT 'verifier: cycles ' || cycles || ', consecutive failures ' || consecutive_failures
              || ', last failure ' || coalesce(last_failure_kind, '-') || ', backing off until '
              || coalesce(to_char(backoff_until AT TIME ZONE 'UTC', 'HH24:MI:SS'), '-') FROM verifier_health WHERE id = 1"
}
pacing_state() {
    sql "SELECT 'importer: hour ' || coalesce(to_char(window_start AT TIME ZONE 'UTC', 'HH24:MI'), '-')
              || ', requests ' || requests || ', paused until '
              || coalesce(to_char(paused_until AT TIME ZONE 'UTC', 'HH24:MI:SS'), '-') || ' ' || coalesce(pause_reason, '')
         FROM metrics_pacing WHERE id = 1"
}
days_stored_since() { # epoch ms
    sql "SELECT count(*) FROM metrics_day_import WHERE fetched_at >= to_timestamp($1 / 1000.0)"
}
scenario_f() {
    local users=${CLUSTER_F_USERS:-60} seconds=${CLUSTER_F_FAULT_SECONDS:-60} customers statuses history
    fixture
    customers=$(seq -f 'cust%03g:alice-demo-2026' 1 "$users" | paste -sd ,)
    java -Xmx512m -cp "$(bench_classpath)" com.storemetrics.bench.load.VaadinLoadBenchmark --base=$PROXY \
        --control=$SANDBOX --users="$users" --ramp=20 --duration=$((4 * seconds + 60)) --think=5-15 \
        --customers="$customers" > "$RUN/logs/harness-f.log" 2>&1 &
    echo $! > "$RUN/harness.pid"
    say "load harness: $users customers through HAProxy (log $RUN/logs/harness-f.log)"
    sleep 40
    statuses=$(all_statuses)
    history=$(history_and_notices)
    say "before: $statuses; $history"
    say "before: $(verifier_state); $(pacing_state)"
    local fault armed
    for fault in '{"mode":"HTTP_429"}' '{"mode":"HTTP_500"}' '{"mode":"LATENCY","latencyMs":3000}'; do
        control POST /faults "$fault" > /dev/null
        armed=$(epoch_ms)
        say "Apple answers $fault for $seconds s (load average $(load_average))"
        sleep "$seconds"
        control DELETE /faults > /dev/null
        say "cleared: day reports stored meanwhile $(days_stored_since "$armed"); $(verifier_state); $(pacing_state)"
    done
    say "recovering for $seconds s"
    sleep "$seconds"
    say "after: $(all_statuses); $(history_and_notices)"
    say "after: $(verifier_state); $(pacing_state)"
    if [[ $(all_statuses) == "$statuses" && $(history_and_notices) == "$history" ]]; then
        say "no status, history row or notice changed"
    else
        say "CHANGED: before $statuses; $history"
    fi
    wait "$(cat "$RUN/harness.pid")" || true
    rm -f "$RUN/harness.pid"
    grep -E "^==|^  |errors" "$RUN/logs/harness-f.log" | sed "s/^/$(date -u +%H:%M:%S) [$SCENARIO] harness: /"
}

scenario() {
    SCENARIO=$1
    case $1 in
        a) scenario_a ;;
        b) scenario_b ;;
        c) scenario_c ;;
        d) scenario_d ;;
        e) scenario_e ;;
        f) scenario_f ;;
        fixture) fixture ;;
        mail-count) say "e-mails in the mail server per ${2:-REMOVED} notice (state, received): $(mail_counts "${2:-REMOVED}")" ;;
        *)
            cat << 'EOF'
deploy/cluster scenario NAME, on a running cluster (deploy/cluster up):
  a   kill -9 the node running an import batch during the Sales back-fill of 100002, approved just now
  e   scenario a with the load harness's customers on both nodes through HAProxy (rejoining)
  c   kill -9 the node running a membership check that approves CUSTOMERS+1 Pending rows (100001)
  b   kill -9 the node sending the removal e-mails of 100001's CUSTOMERS+1 customers
  d   pg_ctl restart under two nodes with open pages (the load harness through HAProxy)
  f   Apple answers 429, then 500, then 3 s late under the harness's load: nothing flips, the budget holds
Run them in the order e (or a), c, b, d, f on one fresh cluster: each builds on the one before, and the
back-fill must be the first (a year of one account fits in the importer's share of Apple's hourly
budget; a second account's back-fill is paced over the hour). CLUSTER_CUSTOMERS (200) customers
share Pixel Forge Studio (100001).
EOF
            ;;
    esac
}
