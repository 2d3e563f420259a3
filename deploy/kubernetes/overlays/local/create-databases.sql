-- Run once, by the image's entrypoint, when the data volume is empty: one database per service that keeps data.
CREATE DATABASE content;
CREATE DATABASE events;
CREATE DATABASE search;
CREATE DATABASE identity;
