META
key;value
description;Buurtbudget Sloterdijk
country;Netherlands
unit;Amsterdam
district;Nieuw-West
instance;643
num_projects;3
num_votes;3
budget;5720
vote_type;choose-1
rule;greedy
date_begin;2022
date_end;2022
min_length;1
max_length;1
language;nl
currency;EUR
comment;#1: The leftover_budget entry indicates how leftover budget is spent.
leftover_budget;Fund additional projects that fit within leftover budget ordered by score
PROJECTS
project_id;cost;votes;name;category
44251;5000;40;Bloementuinen rondom afvalbakken;Groen
44250;2000;21;Gratis bokszakken in de buurt;Openbare ruimte
44252;2000;5;Sessies schilderen op huid;Overig
VOTES
voter_id;vote
14368855578;44250
15127276730;44250
14588790656;44250
