namespace HelpDesk.Core.Storage;

internal static class SqliteSchema
{
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE ticket_events (
            position     INTEGER PRIMARY KEY AUTOINCREMENT,
            ticket       INTEGER NOT NULL,
            version      INTEGER NOT NULL,
            type         TEXT    NOT NULL,
            data         TEXT    NOT NULL,
            actor_kind   TEXT    NOT NULL,
            actor_id     TEXT    NOT NULL,
            occurred_at  INTEGER NOT NULL,
            UNIQUE (ticket, version)
        );
        CREATE TABLE tickets (
            number               INTEGER PRIMARY KEY,
            version              INTEGER NOT NULL,
            subject              TEXT    NOT NULL,
            description          TEXT    NOT NULL,
            status               TEXT    NOT NULL,
            priority             INTEGER NOT NULL,
            impact               TEXT,
            urgency              TEXT,
            channel              TEXT    NOT NULL,
            type                 TEXT    NOT NULL,
            category             TEXT,
            requester_email      TEXT    NOT NULL,
            requester_name       TEXT,
            requester_language   TEXT,
            requester_time_zone  TEXT,
            organization         TEXT,
            assignee             TEXT,
            queue                TEXT,
            tags                 TEXT    NOT NULL,
            fields               TEXT    NOT NULL,
            external_id          TEXT,
            external_links       TEXT    NOT NULL,
            public_message_count INTEGER NOT NULL,
            internal_note_count  INTEGER NOT NULL,
            created_at           INTEGER NOT NULL,
            updated_at           INTEGER NOT NULL,
            first_agent_reply_at INTEGER,
            solved_at            INTEGER,
            closed_at            INTEGER
        );
        CREATE INDEX ix_tickets_created ON tickets (created_at, number);
        CREATE INDEX ix_tickets_updated ON tickets (updated_at, number);
        CREATE INDEX ix_tickets_priority ON tickets (priority, number);
        CREATE INDEX ix_tickets_status ON tickets (status, created_at);
        CREATE INDEX ix_tickets_assignee ON tickets (assignee, created_at);
        CREATE INDEX ix_tickets_queue ON tickets (queue, created_at);
        CREATE INDEX ix_tickets_requester ON tickets (requester_email, created_at);
        CREATE INDEX ix_tickets_external_id ON tickets (external_id);
        CREATE TABLE ticket_tags (
            tag    TEXT    NOT NULL,
            ticket INTEGER NOT NULL,
            PRIMARY KEY (ticket, tag)
        ) WITHOUT ROWID;
        CREATE INDEX ix_ticket_tags_tag ON ticket_tags (tag, ticket);
        CREATE TABLE ticket_texts (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            ticket      INTEGER NOT NULL,
            version     INTEGER NOT NULL,
            kind        TEXT    NOT NULL,
            visibility  TEXT    NOT NULL,
            author_kind TEXT    NOT NULL,
            author_id   TEXT    NOT NULL,
            author_name TEXT,
            body        TEXT    NOT NULL,
            search_text TEXT    NOT NULL,
            created_at  INTEGER NOT NULL
        );
        CREATE INDEX ix_ticket_texts_ticket ON ticket_texts (ticket, id);
        CREATE VIRTUAL TABLE ticket_texts_fts USING fts5(
            search_text, content='ticket_texts', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
        -- Merge index segments less eagerly: doubles write throughput for a few more segments per search.
        INSERT INTO ticket_texts_fts (ticket_texts_fts, rank) VALUES ('automerge', 16);
        CREATE TRIGGER ticket_texts_index AFTER INSERT ON ticket_texts BEGIN
            INSERT INTO ticket_texts_fts (rowid, search_text) VALUES (new.id, new.search_text);
        END;
        CREATE TABLE counters (
            name  TEXT    PRIMARY KEY,
            value INTEGER NOT NULL
        );
        INSERT INTO counters (name, value) VALUES ('ticket-number', 0);
        CREATE TABLE api_keys (
            id             TEXT    PRIMARY KEY,
            name           TEXT    NOT NULL,
            scope          TEXT    NOT NULL,
            customer_email TEXT,
            hash           TEXT    NOT NULL UNIQUE,
            prefix         TEXT    NOT NULL,
            created_at     INTEGER NOT NULL,
            revoked_at     INTEGER
        );
        CREATE TABLE idempotency_keys (
            key          TEXT    PRIMARY KEY,
            request_hash TEXT    NOT NULL,
            ticket       INTEGER NOT NULL,
            created_at   INTEGER NOT NULL
        );
        """,
        """
        CREATE TABLE subscriber_checkpoints (
            subscriber TEXT   PRIMARY KEY,
            position   INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE dead_letters (
            subscriber TEXT    NOT NULL,
            position   INTEGER NOT NULL,
            ticket     INTEGER NOT NULL,
            version    INTEGER NOT NULL,
            type       TEXT    NOT NULL,
            attempts   INTEGER NOT NULL,
            error      TEXT    NOT NULL,
            failed_at  INTEGER NOT NULL,
            PRIMARY KEY (subscriber, position)
        );
        CREATE TABLE plugin_settings (
            plugin     TEXT    PRIMARY KEY,
            enabled    INTEGER NOT NULL,
            updated_at INTEGER  NOT NULL
        );
        """,
        """
        -- Which tickets an item of another system (a Jira issue) is linked to: its webhooks find them here.
        CREATE TABLE ticket_links (
            system       TEXT    NOT NULL,
            external_key TEXT    NOT NULL,
            ticket       INTEGER NOT NULL,
            PRIMARY KEY (system, external_key, ticket)
        );
        INSERT INTO ticket_links (system, external_key, ticket)
            SELECT DISTINCT json_extract(l.value, '$.system'), json_extract(l.value, '$.key'), t.number
            FROM tickets t, json_each(t.external_links) l;
        """,
        """
        -- One row per monitoring alert key, kept by its AlertGrain; the ticket projection shows the alerts as JSON.
        CREATE TABLE alerts (
            source       TEXT    NOT NULL,
            dedup_key    TEXT    NOT NULL,
            ticket       INTEGER,
            status       TEXT    NOT NULL,
            occurrences  INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL,
            data         TEXT    NOT NULL,
            updated_at   INTEGER NOT NULL,
            PRIMARY KEY (source, dedup_key)
        );
        CREATE INDEX alerts_ticket ON alerts (ticket);
        ALTER TABLE tickets ADD COLUMN alerts TEXT NOT NULL DEFAULT '[]';
        """,
        """
        -- Escalations to trackers, shown on the ticket.
        ALTER TABLE tickets ADD COLUMN escalations TEXT NOT NULL DEFAULT '[]';
        """,
        """
        -- Agents and queues (as JSON documents the domain defines), with presence in columns for the router's one query.
        CREATE TABLE agents (
            id             TEXT    PRIMARY KEY,
            kind           TEXT    NOT NULL,
            data           TEXT    NOT NULL,
            presence       TEXT    NOT NULL DEFAULT 'offline',
            presence_since INTEGER NOT NULL DEFAULT 0,
            updated_at     INTEGER NOT NULL
        );
        CREATE TABLE queues (
            id         TEXT    PRIMARY KEY,
            data       TEXT    NOT NULL,
            updated_at INTEGER NOT NULL
        );
        """,
        """
        -- Automation rules as JSON documents, in evaluation order.
        CREATE TABLE rules (
            id         TEXT    PRIMARY KEY,
            position   INTEGER NOT NULL,
            on_trigger TEXT    NOT NULL,
            enabled    INTEGER NOT NULL,
            data       TEXT    NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX ix_rules_trigger ON rules (on_trigger, position);
        """,
        """
        -- Business calendars and SLA policies (JSON documents); each ticket's SLA (policy, pauses) and, for the SLA watch
        -- and the list API, its overall state, earliest due time and when it must next be looked at.
        CREATE TABLE calendars (
            id         TEXT    PRIMARY KEY,
            data       TEXT    NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE sla_policies (
            id         TEXT    PRIMARY KEY,
            position   INTEGER NOT NULL,
            data       TEXT    NOT NULL,
            updated_at INTEGER NOT NULL
        );
        ALTER TABLE tickets ADD COLUMN sla TEXT;
        ALTER TABLE tickets ADD COLUMN sla_state TEXT;
        ALTER TABLE tickets ADD COLUMN sla_due_at INTEGER NOT NULL DEFAULT 253402300799999;
        ALTER TABLE tickets ADD COLUMN sla_next_check INTEGER;
        CREATE INDEX ix_tickets_sla_next_check ON tickets (sla_next_check) WHERE sla_next_check IS NOT NULL;
        CREATE INDEX ix_tickets_sla_due ON tickets (sla_due_at, number);
        """,
        """
        -- What the help desk knows about requesters beyond their tickets: segment and region, for rules and SLA policies.
        CREATE TABLE customers (
            email      TEXT    PRIMARY KEY,
            segment    TEXT,
            region     TEXT,
            updated_at INTEGER NOT NULL
        );
        """,
        """
        -- Macros (canned responses) as JSON documents.
        CREATE TABLE macros (
            id         TEXT    PRIMARY KEY,
            data       TEXT    NOT NULL,
            updated_at INTEGER NOT NULL
        );
        """,
        """
        -- An agent's own API key: its events name the agent, and an occasional agent's key sees only their queues and tickets.
        ALTER TABLE api_keys ADD COLUMN agent_id TEXT;
        """,
        """
        -- Notification templates an admin has overridden, per kind and language (the built-in ones ship in the core).
        CREATE TABLE notification_templates (
            id         TEXT    PRIMARY KEY,
            data       TEXT    NOT NULL,
            updated_at INTEGER NOT NULL
        );
        """,
        """
        -- Email: who a customer copied, a message's HTML and files, and every Message-ID a ticket received or sent, so
        -- an answer threads onto its ticket by In-Reply-To / References. Plugins keep small durable state (a mailbox's
        -- position) and report problems an admin should see (a message that could not be parsed).
        ALTER TABLE tickets ADD COLUMN cc TEXT;
        ALTER TABLE ticket_texts ADD COLUMN html TEXT;
        ALTER TABLE ticket_texts ADD COLUMN attachments TEXT;
        CREATE TABLE ticket_message_ids (
            message_id TEXT    PRIMARY KEY,
            ticket     INTEGER NOT NULL,
            sent       INTEGER NOT NULL,
            at         INTEGER NOT NULL
        );
        CREATE INDEX ticket_message_ids_by_ticket ON ticket_message_ids (ticket, at);
        CREATE TABLE ticket_attachments (
            ticket     INTEGER NOT NULL,
            id           TEXT    NOT NULL,
            file_name    TEXT    NOT NULL,
            content_type TEXT    NOT NULL,
            size         INTEGER NOT NULL,
            PRIMARY KEY (ticket, id)
        );
        CREATE TABLE plugin_state (
            plugin     TEXT    NOT NULL,
            key        TEXT    NOT NULL,
            value      TEXT    NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (plugin, key)
        );
        CREATE TABLE plugin_problems (
            plugin     TEXT    NOT NULL,
            key        TEXT    NOT NULL,
            detail     TEXT    NOT NULL,
            at         INTEGER NOT NULL,
            PRIMARY KEY (plugin, key)
        );
        """,
        """
        -- Secrets the hub makes for itself on first use (the key that signs satisfaction links), shared by every node.
        CREATE TABLE hub_secrets (
            name       TEXT    PRIMARY KEY,
            value      TEXT    NOT NULL,
            created_at INTEGER NOT NULL
        );
        """,
        """
        -- A customer who asked for no automatic notifications; the latest solve and its satisfaction rating.
        ALTER TABLE customers ADD COLUMN notify INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE tickets ADD COLUMN solved_version INTEGER;
        ALTER TABLE tickets ADD COLUMN rated_solved_version INTEGER;
        ALTER TABLE tickets ADD COLUMN satisfaction TEXT;
        """,
        """
        -- Customer 360: each ticket keeps its requester's context (CRM tier, region, ERP records) as JSON, with the facts
        -- lists filter on in their own columns (lower-cased), and the meetings scheduled from it. The context cache, per customer, is
        -- shared by every node; a meeting provider's webhook finds its ticket by the meeting's id.
        ALTER TABLE tickets ADD COLUMN customer TEXT;
        ALTER TABLE tickets ADD COLUMN customer_tier TEXT;
        ALTER TABLE tickets ADD COLUMN customer_segment TEXT;
        ALTER TABLE tickets ADD COLUMN customer_region TEXT;
        ALTER TABLE tickets ADD COLUMN meetings TEXT;
        CREATE INDEX ix_tickets_customer_tier ON tickets (customer_tier, number) WHERE customer_tier IS NOT NULL;
        CREATE INDEX ix_tickets_customer_region ON tickets (customer_region, number) WHERE customer_region IS NOT NULL;
        CREATE INDEX ix_tickets_customer_segment ON tickets (customer_segment, number) WHERE customer_segment IS NOT NULL;
        CREATE TABLE customer_contexts (
            email      TEXT    PRIMARY KEY,
            context    TEXT    NOT NULL,
            fetched_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        );
        CREATE TABLE ticket_meetings (
            provider   TEXT    NOT NULL,
            meeting_id TEXT    NOT NULL,
            ticket     INTEGER NOT NULL,
            PRIMARY KEY (provider, meeting_id)
        );
        """,
        """
        -- Scheduled reports (JSON documents) and their runs: one row per schedule and due time, so however many nodes
        -- or restarts fire a schedule, one of them makes the run; the rendered report is kept for the archive.
        CREATE TABLE report_schedules (
            id         TEXT    PRIMARY KEY,
            data       TEXT    NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE report_runs (
            id          TEXT    PRIMARY KEY,
            schedule_id TEXT    NOT NULL,
            due_at      INTEGER NOT NULL,
            started_at  INTEGER NOT NULL,
            status      TEXT    NOT NULL,
            html        TEXT,
            csv         TEXT,
            charts      TEXT,
            error       TEXT,
            UNIQUE (schedule_id, due_at)
        );
        CREATE INDEX ix_report_runs_schedule ON report_runs (schedule_id, due_at);
        """,
        """
        -- What reports read: one narrow row per ticket, kept by the projection with every change (a ticket's row is too wide
        -- to scan by the million), with what KPIs count per ticket: public agent replies, reopens, SLA targets had and
        -- breached as bits (first response 1, next response 2, resolution 4), business time to first response and to
        -- solve, and the rating of the latest solve. Tickets from before it are filled in by ReportFactsBackfill.
        CREATE TABLE report_facts (
            number                     INTEGER PRIMARY KEY,
            version                    INTEGER NOT NULL,
            created_at                 INTEGER NOT NULL,
            solved_at                  INTEGER,
            first_agent_reply_at       INTEGER,
            channel                    TEXT    NOT NULL,
            type                       TEXT    NOT NULL,
            category                   TEXT,
            queue                      TEXT,
            requester_language         TEXT,
            requester_email            TEXT    NOT NULL,
            organization               TEXT,
            customer_region            TEXT,
            assignee                   TEXT,
            rating                     TEXT,
            agent_reply_count          INTEGER NOT NULL,
            reopen_count               INTEGER NOT NULL,
            sla_targets                INTEGER NOT NULL,
            sla_breaches               INTEGER NOT NULL,
            first_response_business_ms INTEGER,
            resolution_business_ms     INTEGER
        );
        CREATE INDEX ix_report_facts_created ON report_facts (created_at);
        CREATE INDEX ix_report_facts_solved ON report_facts (solved_at) WHERE solved_at IS NOT NULL;
        -- The escalations KPI reads these two kinds of event among millions.
        CREATE INDEX ix_ticket_events_escalation_requested ON ticket_events (occurred_at) WHERE type = 'escalation-requested';
        CREATE INDEX ix_ticket_events_escalated ON ticket_events (ticket) WHERE type = 'escalated';
        """,
        """
        -- Scheduled reports go out by mail. Each run keeps its mail per language (subject, HTML showing the charts by cid:,
        -- text); each recipient's delivery is a row, written with the finished run, claimed before each attempt and marked
        -- sent after, so a report reaches everyone once however many nodes retry it.
        ALTER TABLE report_runs ADD COLUMN mail TEXT;
        CREATE TABLE report_deliveries (
            run_id          TEXT    NOT NULL,
            email           TEXT    NOT NULL,
            language        TEXT    NOT NULL,
            message_id      TEXT    NOT NULL,
            status          TEXT    NOT NULL,
            attempts        INTEGER NOT NULL,
            error           TEXT,
            next_attempt_at INTEGER NOT NULL,
            sent_at         INTEGER,
            PRIMARY KEY (run_id, email)
        );
        CREATE INDEX ix_report_deliveries_due ON report_deliveries (next_attempt_at) WHERE status = 'pending';
        """,
        """
        -- Reports read a month of a million tickets: each KPI's rows must come from one index range, never a lookup per
        -- ticket into the table (which, written a row at a time among the events, lies scattered over the whole file).
        -- So the two times reports are anchored on each lead an index that also holds every column a KPI groups or
        -- counts by, and the backlog reads the open tickets alone.
        DROP INDEX ix_report_facts_created;
        DROP INDEX ix_report_facts_solved;
        CREATE INDEX ix_report_facts_by_created ON report_facts (created_at, channel, type, category, queue, requester_language, customer_region, organization, requester_email, assignee, first_agent_reply_at, first_response_business_ms, sla_targets, sla_breaches);
        CREATE INDEX ix_report_facts_by_solved ON report_facts (solved_at, created_at, channel, type, category, queue, requester_language, customer_region, organization, requester_email, assignee, first_agent_reply_at, resolution_business_ms, rating, agent_reply_count, reopen_count) WHERE solved_at IS NOT NULL;
        CREATE INDEX ix_report_facts_open ON report_facts (created_at) WHERE solved_at IS NULL;
        """,
        BackgroundScanIndexes.Migration,
        ReportRollups.SqliteMigration,
        ReportDigests.SqliteMigration,
        ReportEscalations.SqliteMigration,
    ];
}
