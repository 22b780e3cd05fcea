-- Recipients' responses (/respond): each saved with its announcement (unique key campaign|r|id) and its deliveries.
CREATE TABLE responses (
    id                text    PRIMARY KEY,
    campaign_id       text    NOT NULL,
    recipient         text    NOT NULL,
    responded_on_day  integer NOT NULL,
    text              text    NULL,
    link              text    NULL,
    recorded_at_ticks bigint  NOT NULL
);
CREATE INDEX responses_campaign ON responses (campaign_id);
