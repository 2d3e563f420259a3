-- Bochum and its neighbours, so that a fresh installation can take articles at once. Their
-- CityChanged events go through the outbox like any other change, so the events service learns
-- these cities the same way it learns cities that admins add later.

INSERT INTO city (slug, name, claim, motto, intro, fact_keys, fact_values, neighbours, version) VALUES
('bochum', 'Bochum', 'Die Ermöglicherstadt', 'Wissen, Wandel, Wir-Gefühl',
 'Aus der Stadt von Kohle und Stahl ist ein Ort geworden, an dem Forschung, Gründungen und Kultur einander antreiben. Bochum setzt auf das, was in seinen Hörsälen und Laboren entsteht.',
 ARRAY['Hochschulen', 'Hochschulstadt'], ARRAY['9', 'sechstgrößte in Deutschland, zweitgrößte in NRW'],
 ARRAY['dortmund', 'essen', 'gelsenkirchen', 'herne'], 1),
('dortmund', 'Dortmund', NULL, NULL,
 'Die größte Stadt des Ruhrgebiets verbindet Technologiecampus, Fußballtradition und weite Parks.',
 '{}', '{}', ARRAY['bochum', 'herne'], 1),
('essen', 'Essen', NULL, NULL,
 'Die einstige Zechenstadt zeigt mit dem Welterbe Zollverein, wie Industriegeschichte zum Kulturort wird.',
 '{}', '{}', ARRAY['bochum', 'gelsenkirchen'], 1),
('gelsenkirchen', 'Gelsenkirchen', NULL, NULL,
 'Zwischen Emscher und Kanal wächst eine Stadt, die auf Solartechnik, Sport und grüne Quartiere setzt.',
 '{}', '{}', ARRAY['bochum', 'essen', 'herne'], 1),
('herne', 'Herne', NULL, NULL,
 'Mitten im Revier gelegen, lebt Herne von kurzen Wegen, Kanalufern und seiner Cranger Kirmes.',
 '{}', '{}', ARRAY['bochum', 'dortmund', 'gelsenkirchen'], 1);

INSERT INTO outbox (event_id, topic, message_key, ce_type, ce_source, payload, occurred_at)
SELECT gen_random_uuid(), 'content.cities.v1', c.slug, 'stadtportal.content.city.changed.v1',
       '/stadtportal/content-service',
       convert_to(json_build_object(
           'aggregateId', c.slug,
           'version', c.version,
           'occurredAt', to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'city', json_build_object(
               'slug', c.slug,
               'name', c.name,
               'claim', c.claim,
               'motto', c.motto,
               'intro', c.intro,
               'facts', (SELECT coalesce(json_object_agg(f.k, f.v ORDER BY f.i), '{}'::json)
                         FROM unnest(c.fact_keys, c.fact_values) WITH ORDINALITY AS f (k, v, i)),
               'heroImage', NULL,
               'neighbours', to_json(c.neighbours)))::text, 'UTF8'),
       c.updated_at
FROM city c
ORDER BY c.slug;
