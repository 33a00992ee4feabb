META
key;value
description;"Wijk aan Zet; Haarlem ""Noord"""
budget;12500,50
vote_type;approval
num_projects;3
num_votes;3
PROJECTS
project_id;cost;name;category;target;selected
p1;5000;"Bankjes
langs het water";groen,spelen;kinderen;1
p2;4000.5;Speeltuin;None;None;0
p3; 3000 ;Moestuin;groen;;None
VOTES
voter_id;vote;age;sex
v1;p1,p2;34;f
v2;p2,p2,p3;None;m
v3;;71;None
