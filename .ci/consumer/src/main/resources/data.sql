insert into purchase (id) values (1), (2), (3), (4);
insert into line (id, purchase_id, sku) values (1, 1, 'A'), (2, 1, 'B'), (3, 2, 'A'), (4, 2, 'C'), (5, 3, 'B'), (6, 3, 'C'), (7, 4, 'A'), (8, 4, 'D');
