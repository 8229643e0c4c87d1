package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.budget.BudgetState;
import io.kafkaconnect.cinnox.budget.Loan;
import io.kafkaconnect.cinnox.budget.LoanDesk;
import io.kafkaconnect.cinnox.budget.MinuteUsage;
import io.kafkaconnect.cinnox.config.CinnoxTaskConfig;
import io.kafkaconnect.cinnox.poll.RateBudget;
import io.kafkaconnect.cinnox.poll.RecordMaker;
import io.kafkaconnect.cinnox.poll.RefusalNotice;
import io.kafkaconnect.cinnox.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The budget ledger of one task, kept in Connect's own source offsets: every 10 seconds, on a thread of its
 * own so that poll() stays prompt, it reads the other tasks' budget states, applies the loans addressed to
 * this task and the ones it gives to its worker's rate budget, and hands poll() a record that publishes its
 * state when it changed; in between it reads them once more, only for a refused App Token. At start it honours
 * the loans of the task it replaces (see docs/design/connector.md, "Lending between workers").
 */
final class BudgetLedger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BudgetLedger.class);
    static final Duration INTERVAL = Duration.ofSeconds(10);
    /** How often the states are read: every other read is a round of {@link #INTERVAL}, the rest look for a refusal. */
    static final Duration READ_INTERVAL = INTERVAL.dividedBy(2);
    /**
     * How long a task counts its own use before it may lend: a busy task is refused permits within seconds
     * (it then wants more), while one that just started has counted nothing and would look idle.
     */
    static final Duration WARM_UP = Duration.ofSeconds(30);
    private static final long MINUTE_MS = 60_000;

    private final CinnoxTaskConfig.Place place;
    private final RateBudget.Lease lease;
    private final OffsetStorageReader reader;
    private final RecordMaker maker;
    private final Clock clock;
    private final LoanDesk desk;
    private final long target;
    private final long startedMs;
    private final AtomicReference<SourceRecord> pending = new AtomicReference<>();
    private Scheduler loop;
    private Map<String, Object> published;
    private String loansSeen = "";
    private volatile boolean publishes = true;
    private volatile long refusedAt;
    private volatile List<RefusalNotice> refusals = List.of();
    private long reads;

    BudgetLedger(CinnoxTaskConfig.Place place, long share, long target, RateBudget.Lease lease,
            OffsetStorageReader reader, RecordMaker maker, Clock clock) {
        this.place = place;
        this.target = target;
        this.lease = lease;
        this.reader = reader;
        this.maker = maker;
        this.clock = clock;
        this.desk = new LoanDesk(place.index(), place.generation(), share);
        this.startedMs = clock.millis();
    }

    /**
     * Starts the ledger of a task: honours its predecessor's loans whatever the settings (a task of the
     * previous generation may still be using them), then, when lending is on and there are other tasks,
     * reads and publishes every {@link #INTERVAL} and looks for a refused App Token every {@link #READ_INTERVAL}.
     * Returns null for a task that does not know its place.
     */
    static BudgetLedger start(CinnoxTaskConfig task, RateBudget.Lease lease, OffsetStorageReader reader,
            RecordMaker maker, Clock clock) {
        CinnoxTaskConfig.Place place = task.place();
        if (!place.known()) {
            return null;
        }
        BudgetLedger ledger = new BudgetLedger(place, (long) Math.floor(task.requestsPerMinute()),
                (long) Math.floor(task.targetRequestsPerMinute()), lease, reader, maker, clock);
        ledger.inherit();
        ledger.publishes = task.connector().shareLending() && place.count() > 1;
        if (place.count() == 1) {
            ledger.grow();
        }
        if (ledger.publishes) {
            ledger.loop = Scheduler.daemon("cinnox-budget-" + place.index());
            ledger.loop.loop("budget ledger", () -> {
                ledger.readStep();
                return Optional.of(READ_INTERVAL);
            });
        }
        return ledger;
    }

    void inherit() {
        long minute = minute();
        Optional<BudgetState> last = read(List.of(place.index())).values().stream().findFirst();
        if (last.isEmpty()) {
            return;
        }
        desk.inherit(last.get(), minute);
        lease.setLoans(desk.view());
        if (!desk.lent().isEmpty()) {
            log.info("Task {} honours the loans of the task it replaced until they end: {}", place.index(),
                    desk.lent());
        }
    }

    /** One read of the loop: a round every other time, otherwise a look for refusals only. */
    void readStep() {
        if (reads++ % 2 == 0) {
            tick();
            return;
        }
        try {
            noticeRefusals(read(others()));
        } catch (RuntimeException e) {
            log.debug("Task {} could not read the other tasks' budget states", place.index(), e);
        }
    }

    /** One round: read the others, decide, apply to the budget, then queue the state to publish. */
    synchronized void tick() {
        long minute = minute();
        try {
            Map<Integer, BudgetState> states = read(others());
            noticeRefusals(states);
            desk.observe(states, minute);
            if (desk.generationComplete(states, place.count())) {
                grow();
            }
        } catch (RuntimeException e) {
            log.debug("Task {} could not read the other tasks' budget states; keeps the loans it knows", place.index(), e);
        }
        MinuteUsage.Usage usage = lease.usage(minute);
        desk.decide(minute, usage, clock.millis() - startedMs >= WARM_UP.toMillis());
        lease.setLoans(desk.view());
        logLoans();
        Map<String, Object> offset = state(minute, usage).withRefusedAt(refusedAt).toOffset();
        if (!offset.equals(published)) {
            published = offset;
            pending.set(maker.budgetState(BudgetState.partition(place.index()), offset,
                    BudgetState.PARTITION_KEY + "/" + place.index()));
        }
    }

    /**
     * Publishes that CINNOX refused the App Token to this task, so that the other tasks, which may have nothing
     * to send, check the token after their next read of the ledger. Returns the record to write before this task
     * fails, or null when this task does not read or publish a ledger (one task, or lending off).
     */
    synchronized SourceRecord announceRefusal(long atMillis) {
        if (!publishes) {
            return null;
        }
        refusedAt = atMillis;
        long minute = minute();
        Map<String, Object> offset = state(minute, lease.usage(minute)).withRefusedAt(atMillis).toOffset();
        published = offset;
        pending.set(null);
        return maker.budgetState(BudgetState.partition(place.index()), offset,
                BudgetState.PARTITION_KEY + "/" + place.index());
    }

    /** The state to publish: the desk's, with the JVM budget this task draws on (see budget.Placement). */
    private BudgetState state(long minute, MinuteUsage.Usage usage) {
        return desk.state(minute, usage).withPool(lease.budget().id());
    }

    /** The refusals other tasks published at or after this task started, as of the last read. */
    List<RefusalNotice> refusals() {
        return refusals;
    }

    private void noticeRefusals(Map<Integer, BudgetState> states) {
        List<RefusalNotice> seen = new ArrayList<>();
        states.forEach((index, state) -> {
            if (state.refusedAt() > 0 && state.refusedAt() >= startedMs) {
                seen.add(new RefusalNotice(index, state.refusedAt()));
            }
        });
        refusals = List.copyOf(seen);
    }

    private List<Integer> others() {
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < place.count(); i++) {
            if (i != place.index()) {
                others.add(i);
            }
        }
        return others;
    }

    /** Takes the target share, once the tasks this generation replaced have all stopped. */
    private void grow() {
        if (target > lease.share()) {
            log.info("Task {}: every task of its generation has started, so the ones they replaced have stopped;"
                    + " its share grows from {} to {} requests per minute", place.index(), lease.share(), target);
            lease.growTo(target);
            desk.growTo(target);
        }
    }

    /** The record that publishes the latest state, once, or null. */
    SourceRecord take() {
        return pending.getAndSet(null);
    }

    private Map<Integer, BudgetState> read(List<Integer> indexes) {
        return StoredBudgets.read(reader, indexes);
    }

    private void logLoans() {
        StringBuilder seen = new StringBuilder();
        desk.lent().forEach(loan -> seen.append(" to ").append(loan.borrower()).append(':').append(loan.requests()));
        desk.borrowed().forEach(loan -> seen.append(" from ").append(':').append(loan.requests()));
        if (!seen.toString().equals(loansSeen)) {
            loansSeen = seen.toString();
            log.info("Task {} now lends {} and borrows {} (requests per minute; minutes since the epoch)",
                    place.index(), desk.lent(), desk.borrowed());
        }
    }

    private long minute() {
        return Math.floorDiv(clock.millis(), MINUTE_MS);
    }

    /** Stops the loop at once; the loans stay in the budget until the lease closes. */
    @Override
    public void close() {
        Scheduler running = loop;
        if (running != null) {
            running.close();
        }
    }

    List<Loan> lent() {
        return desk.lent();
    }
}
