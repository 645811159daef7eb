namespace Mutuality.Domain.Questions;

/// <summary>
/// The library text, written for Mutuality by the project (see docs/questions.md for how it was written and checked).
/// Format: "## category-slug", then one question per line: "id | L or D | text", or for a guess question
/// "id | L or D | guess | text | choice | choice…". Ids never change once shipped (answers refer to them).
/// </summary>
internal static class QuestionLibraryText
{
    public const string Text = """
## knowing-me
km01 | L | What part of an ordinary day do you quietly look forward to most?
km02 | L | Which small thing lifted your mood this week, even for a minute?
km03 | D | What is something you want right now that you haven't said out loud yet?
km04 | L | guess | When a free afternoon turns up out of nowhere, what do I most want to do with it? | Rest and do nothing | Get outside | See people | Make or fix something
km05 | D | What goal for this year matters more to you than you usually let on?
km06 | L | What is a skill you would love to get a little better at this year?
km07 | D | When do you feel most like yourself lately — and when least?
km08 | L | What is on your mind more than usual at the moment?
km09 | D | What is a hope for the next five years that you hold gently, in case it doesn't happen?
km10 | L | guess | Which of these recharges me best after a long week? | A quiet evening at home | Time with friends | Something active | A change of scene
km11 | D | What feeling has been hardest for you to put into words recently?
km12 | L | What are you curious about these days that you haven't had time to explore?
km13 | D | What would you like to be a little less afraid of?

## seeing-you
sy01 | L | What is something you've noticed me enjoying lately?
sy02 | D | What do you think has been weighing on me this month?
sy03 | L | guess | If I could skip one regular chore forever, which would I drop? | Washing up | Laundry | Food shopping | Cleaning the bathroom
sy04 | D | When do you think I feel most sure of myself?
sy05 | L | What do you think I'd choose for a treat at the end of a hard day?
sy06 | D | What do you think I need more of right now — and what makes you think so?
sy07 | L | What is one of my habits you've come to find endearing?
sy08 | D | What is something about me you understand better now than when we met?
sy09 | L | guess | What would I most likely be doing on a rainy Sunday morning? | Still asleep | Reading or watching something | Cooking breakfast | Out anyway
sy10 | D | What do you imagine I worry about that I rarely mention?
sy11 | L | Which of my friends or family do you think I've been missing lately?
sy12 | D | What do you think I'm proud of that I don't talk about much?
sy13 | L | What song, show or book do you think I'd recommend to you this week?

## our-impact
im01 | L | What did I do recently that made your day a little easier?
im02 | D | Is there something I do without noticing that sometimes lands hard for you?
im03 | L | When did you last feel that we were a good team?
im04 | D | What is one way I could make you feel more welcome when I come home?
im05 | L | Which of my small habits rubs off on you, for better or worse?
im06 | D | How does my mood tend to affect yours, and what helps when it does?
im07 | L | What is something I say that always makes you feel better?
im08 | D | When have you felt I really listened to you lately?
im09 | L | What is one thing you've started doing because of me?
im10 | D | Is there a moment from this month you'd like to gently revisit together?
im11 | D | How do you think my stress shows up in our home, and how does it feel for you?
im12 | L | What is a small kindness from me you still think about?
im13 | D | What would you like me to do more of when we disagree?

## support-emotional
se01 | D | When you're low, what helps more: being talked to, held, or left a little space?
se02 | L | What is a simple thing I can say that helps when you've had a rough day?
se03 | D | What do you wish people understood about how you handle sadness?
se04 | L | guess | When I'm upset, what do I want first? | A hug | To talk it through | Some time alone | A distraction
se05 | D | When did you last feel truly comforted by me, and what did I do?
se06 | L | What is your favourite way to be cheered up?
se07 | D | What is a worry you'd like me to simply listen to, without fixing?
se08 | L | Which words from me feel most reassuring when you're nervous?
se09 | D | How can I tell when you want comfort but won't ask for it?
se10 | L | What does a gentle evening look like when one of us is feeling fragile?
se11 | D | What makes it hard for you to lean on me sometimes?
se12 | L | Is there a small ritual that calms you that I could help with?
se13 | D | What do you need from me when you're angry — not at me, just angry?

## support-esteem
st01 | L | What is something you did well this week that deserves a proper mention?
st02 | D | When do you most need to hear that I believe in you?
st03 | L | Which of your strengths do you think I've noticed most?
st04 | D | What is a challenge you got through that still makes you proud?
st05 | L | What kind of praise feels best to you: public, private, or written down?
st06 | D | Is there an area of your life where you'd like more of my encouragement?
st07 | L | What is a compliment you received once that stuck with you?
st08 | D | When you doubt yourself, what reminder from me would help?
st09 | L | guess | How do I like to celebrate a win? | Quietly, just us | With friends | With a treat | By moving on to the next thing
st10 | D | What is a decision of yours you'd like me to back more openly?
st11 | L | What are you getting better at that I might have missed?
st12 | D | What do you wish you could hear more often from the people close to you?
st13 | L | Which of your quirks would you like me to celebrate rather than tease?

## support-informational
si01 | L | When you bring me a problem, how do I tell whether you want ideas or just an ear?
si02 | D | Is there a decision coming up where you'd like my thinking alongside yours?
si03 | L | What is a topic where you'd love me to share what I know?
si04 | L | guess | When I'm stuck on something, what helps me most? | A list of options | Someone to think out loud with | A link to read later | A night's sleep
si05 | D | When has advice from me felt helpful, and when has it felt like too much?
si06 | L | What is something useful you learned recently that I might want to know too?
si07 | D | What would help you feel less alone with a tricky problem?
si08 | L | Who else do you think would be good to ask about something on your mind?
si09 | D | How do you like to be told about a mistake I've spotted?
si10 | L | What is a question you'd like me to look into with you this week?
si11 | D | Is there something you've been avoiding finding out about that we could tackle together?
si12 | L | How much detail do you like when I explain something: the headline or the whole story?
si13 | L | What is one thing you'd like us both to learn about this year?

## support-practical
sp01 | L | What is one task this week I could take off your plate?
sp02 | D | Is there a practical thing you've been carrying alone that you'd like to share?
sp03 | L | guess | Which job would I most gladly hand over for a week? | Cooking | Tidying | Paperwork | Errands
sp04 | L | What small practical help means the most to you on a busy morning?
sp05 | D | How do you feel about the way we split the work at home right now?
sp06 | L | What is something that always runs out that I could keep an eye on?
sp07 | D | When has my help felt like a burden rather than help, and what would work better?
sp08 | L | What appointment or call have you been putting off that I could help with?
sp09 | L | Which chore do you secretly not mind doing?
sp10 | D | What would make the busiest week of the month feel more manageable for you?
sp11 | L | Is there a corner of our home you'd like us to sort out together?
sp12 | L | What is the most helpful thing I did for you in the last month?
sp13 | D | Is there a way you'd like me to ask before helping, so it feels right for you?

## support-companionship
sc01 | L | What is an errand that would be more fun if we did it together?
sc02 | L | What ten-minute thing could we do together most evenings?
sc03 | D | When do you miss me most, even when we're both at home?
sc04 | L | guess | What is my favourite way to spend time with you? | A walk together | A meal together | A film or show | Doing our own things in the same room
sc05 | L | What is a show, game or hobby you'd like to share with me?
sc06 | D | Do you feel we spend enough time just being together, without a plan?
sc07 | L | Which friends would you like us to see more often as a couple?
sc08 | L | What weekly ritual of ours do you like most, or would you like to start?
sc09 | D | When have you felt lonely in our relationship, and what helped or would have helped?
sc10 | L | What is something you'd like me to tag along for, even if it's not my thing?
sc11 | L | Where is your favourite place to sit and talk with me?
sc12 | D | What does being good company mean to you?
sc13 | L | What could we do on a Sunday that we haven't done in ages?

## appreciation
ap01 | L | What is something I did this week you were glad about?
ap02 | L | What is a quality of mine you're grateful for today?
ap03 | D | What is something I do that you've never properly thanked me for?
ap04 | L | What made you smile about me recently?
ap05 | D | What about our life together are you most thankful for right now?
ap06 | L | What is a little thing I do that makes our home nicer?
ap07 | D | When did I last surprise you in a good way?
ap08 | L | What would you put on a thank-you note to me today?
ap09 | D | How has being with me changed you for the better?
ap10 | L | guess | How do I most like to be thanked? | Out loud | In a note or message | With a hug | By getting something done for me
ap11 | L | What is one thing about how I treat others that you admire?
ap12 | D | What effort of mine do you think goes unseen, and would like to see named?
ap13 | L | What is a recent ordinary moment with me that you'd happily live again?

## intimacy-physical
ip01 | L | What kind of hug do you like best: quick and tight, or long and slow?
ip02 | L | Where do you most like to hold hands?
ip03 | D | What kind of touch helps you feel close when words are hard?
ip04 | L | guess | Which small touch do I like most? | A hand on my back | A kiss on the forehead | Holding hands | Feet touching on the sofa
ip05 | D | Are there times you'd like more closeness, and times you'd like more space?
ip06 | L | What is your favourite way to fall asleep next to me?
ip07 | D | How can we make it easy to say "not now" to touch without anyone feeling rejected?
ip08 | L | What is a cosy way we could spend a cold evening?
ip09 | D | What helps you feel relaxed and safe in your body with me?
ip10 | L | Would you like a shoulder rub, a foot rub or a head scratch tonight?
ip11 | D | Is there a kind of affection you'd like more of in everyday moments?
ip12 | L | When was the last time a hug from me felt just right?
ip13 | D | How has the way we're close physically changed, and how do you feel about it?

## intimacy-emotional
ie01 | D | What is something you've felt this week that you haven't told me?
ie02 | L | What was the best part of your day, and why?
ie03 | D | What was the hardest moment of your week?
ie04 | D | Is there a childhood memory that still shapes how you feel about home?
ie05 | L | What helps you open up when you're in a quiet mood?
ie06 | D | When do you feel most emotionally close to me?
ie07 | D | What is a fear about us that you'd like to say gently out loud?
ie08 | L | What feeling would you like more of in our week?
ie09 | D | What is something you're still learning to forgive yourself for?
ie10 | L | How can I tell when you're happy but not showing it?
ie11 | D | What did you need as a child that you're still glad to receive now?
ie12 | L | What is a moment today when you felt calm?
ie13 | D | What is something you find easier to tell me than anyone else?

## intimacy-intellectual
ii01 | L | What is an idea you've been turning over in your head this week?
ii02 | L | What is something you've read, heard or watched lately that changed your mind a little?
ii03 | D | Which belief of yours has changed the most since you were younger?
ii04 | L | What topic could you talk about for an hour without notes?
ii05 | D | What is a question about the world you'd love an answer to?
ii06 | L | What would you teach me in ten minutes if you had the chance?
ii07 | D | Where do we see things differently in a way you find interesting?
ii08 | L | guess | Which of these would I rather learn about for a day? | Space | History | How the body works | Another language
ii09 | L | What is an article or video you'd like us both to watch and talk about?
ii10 | D | What is something you used to be sure of and aren't any more?
ii11 | L | Which puzzle, game or problem do you enjoy working out?
ii12 | D | What is a big question you'd like us to think about together this year?
ii13 | L | What did you find yourself explaining to someone recently?

## intimacy-spiritual
is01 | D | What gives your life a sense of meaning at the moment?
is02 | L | When did you last feel a moment of awe?
is03 | D | Which value would you most like our home to show?
is04 | L | Where do you go, in your head or in the world, to feel at peace?
is05 | D | What do you hope people will say about how you treated them?
is06 | L | Is there a place that feels a bit sacred to you, religious or not?
is07 | D | How do you make sense of hard times when they come?
is08 | L | What small daily practice helps you feel grounded?
is09 | D | What is something bigger than yourself that you feel part of?
is10 | L | What would five quiet minutes together look like for you?
is11 | D | Which of your values has grown stronger since we met?
is12 | L | What is something you're thankful for that has nothing to do with things?
is13 | D | What tradition would you like us to keep or create?

## intimacy-playful
il01 | L | What is an in-joke of ours that still makes you laugh every time?
il02 | L | What is the silliest thing we've laughed about together?
il03 | L | guess | Which would make me laugh the most? | A terrible pun | A funny animal video | A silly impression | Slapstick
il04 | L | What game would you like us to play this week?
il05 | L | If we had a band, what would it be called?
il06 | D | When have we laughed our way out of a hard moment?
il07 | L | What is a funny habit of mine you'd secretly miss?
il08 | L | What nickname would you give me if you had to choose a new one today?
il09 | L | What is the best prank you could play on me that I would actually enjoy?
il10 | D | How does laughing together change the way you feel about us?
il11 | L | What would our couple mascot be?
il12 | L | What is a silly dance move you'd teach me?
il13 | L | Which comedy or funny show should we watch together next?

## intimacy-aesthetic
ia01 | L | What song moved you this week?
ia02 | L | What is the most beautiful thing you saw recently?
ia03 | D | What kind of beauty do you notice that others tend to miss?
ia04 | L | guess | Which view would I choose to wake up to? | The sea | Mountains | A city skyline | A garden
ia05 | L | What is a meal you'd love us to cook slowly together?
ia06 | L | What colour would you paint a room of ours if we could choose freely?
ia07 | D | Is there a piece of music tied to a feeling you find hard to describe?
ia08 | L | Where would you like us to watch a sunset?
ia09 | L | What is an object in our home that you find lovely?
ia10 | D | What made you feel most alive in nature?
ia11 | L | Which season feels most like you, and why?
ia12 | L | What is a smell that instantly makes you happy?
ia13 | D | How do beautiful things change your mood, and how could we have more of them?

## intimacy-future
if01 | L | What is one small trip you'd like us to take this year?
if02 | D | What do you picture us doing on an ordinary Tuesday ten years from now?
if03 | L | What is something new you'd like us to try together in the next month?
if04 | D | Which dream of yours would you like me to help make real?
if05 | L | What would your ideal weekend away with me include?
if06 | D | How do you picture growing older together?
if07 | L | What would you like to celebrate together next?
if08 | D | What do you hope we'll have learned about each other in a year's time?
if09 | L | guess | If we moved somewhere for a year, where would I pick? | By the sea | In the mountains | A big city | A small village
if10 | L | Which project could we start together this season?
if11 | D | What part of our future are you most excited about?
if12 | L | What is a tradition you'd like us to start this year?
if13 | D | What would you like our home to feel like in five years?

## our-future
fu01 | L | What is one thing you'd like us to do more of next month?
fu02 | D | What worries you a little about the future, and how could we face it together?
fu03 | L | What is a place we haven't been that you'd like to see with me?
fu04 | D | What does a good life together look like to you, in a few sentences?
fu05 | L | What would you like our next free day to look like?
fu06 | D | Is there a big decision ahead that you'd like to start talking about gently?
fu07 | L | What is something you'd like to save up for together?
fu08 | D | How would you like us to care for each other when one of us is ill or very tired?
fu09 | L | guess | What would I most like our next holiday to be? | Beach and rest | City and sights | Hiking and nature | Staying home, but properly off
fu10 | D | What would you like to still be doing together when we're old?
fu11 | L | What is a habit you'd like us to build together this year?
fu12 | D | What would help you feel secure about our future?
fu13 | L | What is one thing on your list for next summer?

## memories
me01 | L | What is your favourite memory of us from this year?
me02 | L | What do you remember about the first time we talked properly?
me03 | D | What is a moment when you knew you could trust me?
me04 | L | What is the best meal we've ever shared?
me05 | L | guess | Which of our early dates do I remember most fondly? | The very first one | One that went wrong | A simple one at home | One far away
me06 | D | What hard time did we get through that you're glad we faced together?
me07 | L | What is a trip of ours you'd happily repeat?
me08 | D | What is a memory from your childhood you'd like me to know about?
me09 | L | What is a small moment with me you didn't expect to remember, but do?
me10 | D | When did you first feel at home with me?
me11 | L | What photo of us do you like most, and why?
me12 | L | What is a funny misunderstanding from our early days?
me13 | D | What is a family memory you'd like to pass on?

## light-and-playful
lp01 | L | If you could have any animal as a pet for a day, which would it be?
lp02 | L | What is your ideal sandwich?
lp03 | L | guess | Which superpower would I choose? | Flying | Being invisible | Talking to animals | Pausing time
lp04 | L | What would you name a boat if you owned one?
lp05 | L | If our home had a theme song, what would it be?
lp06 | L | What is the best snack for a long car journey?
lp07 | L | guess | What's my ideal breakfast? | Something sweet | Something savoury | Just coffee or tea | Whatever is left over
lp08 | L | If you could master any instrument overnight, which would it be?
lp09 | L | What is a food you disliked as a child but enjoy now?
lp10 | L | Which fictional world would you like to visit for a weekend?
lp11 | L | guess | Which way do I like my eggs? | Scrambled | Fried | Boiled | No eggs, thanks
lp12 | L | What is the weirdest thing you've ever eaten?
lp13 | L | If you opened a tiny shop, what would it sell?
lp14 | L | guess | Which would I pick for a night in? | Board game | Film | Cooking something new | Early night
lp15 | L | What is the best thing to do on the first warm day of the year?
lp16 | L | What would your entrance music be?
lp17 | L | Which everyday object do you think is badly designed?
lp18 | L | If you could swap jobs with anyone for a day, who would it be?
""";
}
