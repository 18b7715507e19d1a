-- The first migration: the example domain's table. Add 0002_<what>.sql next to it; files run
-- once each, in name order, and are never edited after they have run anywhere.
CREATE TABLE items (
    id         BIGSERIAL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
